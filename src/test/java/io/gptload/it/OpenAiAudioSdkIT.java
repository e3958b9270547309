package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.core.http.HttpResponse;
import com.openai.models.audio.AudioModel;
import com.openai.models.audio.speech.SpeechCreateParams;
import com.openai.models.audio.speech.SpeechModel;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official OpenAI Java SDK's audio calls through the gateway: a transcription uploads a binary
 * file as {@code multipart/form-data} (the body is not JSON and must reach the upstream byte for
 * byte, boundary included), and speech answers with binary audio that must reach the SDK unchanged.
 */
@ExtendWith(SharedGateway.class)
class OpenAiAudioSdkIT {

    /** Bytes that are not text: every byte value, in a fixed random order. */
    private static byte[] binary(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aTranscriptionUploadsTheFileUnchanged(Api api, FakeUpstream up) throws Exception {
        String real = "sk-proj-sdkaudio" + Fixtures.unique("k");
        String name = Fixtures.unique("sdk-audio");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        up.on(real, FakeUpstream.byPath(Map.of("/v1/audio/transcriptions",
                FakeUpstream.json(200, "{\"text\":\"Bonjour, ceci est un test.\"}"))));
        Fixtures.keys(api, id, real);
        byte[] audio = binary(700_000, 42); // larger than any buffer on the way

        String text = OpenAiSdkIT.withSdk(api.gateway(), name, "pk-" + name, sdk -> sdk.audio().transcriptions()
                .create(TranscriptionCreateParams.builder().file(audio).model(AudioModel.WHISPER_1).build())
                .asTranscription().text());

        assertEquals("Bonjour, ceci est un test.", text);
        FakeUpstream.Recorded req = up.requests(real).get(0);
        assertEquals("/v1/audio/transcriptions", req.path());
        assertEquals("Bearer " + real, req.header("Authorization"));
        String type = req.header("Content-Type");
        assertTrue(type.startsWith("multipart/form-data; boundary="), type);
        String boundary = type.substring(type.indexOf("boundary=") + 9);
        byte[] body = req.body();
        int at = indexOf(body, audio);
        assertTrue(at > 0, "the file's 700,000 bytes are in the upstream's body, in one piece");
        String head = new String(Arrays.copyOf(body, at), StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("--" + boundary), head);
        assertTrue(head.contains("name=\"file\""), head);
        String tail = new String(Arrays.copyOfRange(body, at + audio.length, body.length), StandardCharsets.ISO_8859_1);
        assertTrue(tail.contains("name=\"model\"") && tail.contains("whisper-1"), tail);
        assertTrue(tail.stripTrailing().endsWith("--" + boundary + "--"), tail);
    }

    @Test
    void speechAnswersWithTheUpstreamsAudioBytes(Api api, FakeUpstream up) throws Exception {
        String real = "sk-proj-sdkspeech" + Fixtures.unique("k");
        String name = Fixtures.unique("sdk-speech");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        byte[] mp3 = binary(400_000, 7);
        up.on(real, FakeUpstream.byPath(Map.of("/v1/audio/speech", (ex, r) -> {
            ex.getResponseHeaders().set("Content-Type", "audio/mpeg");
            ex.sendResponseHeaders(200, 0); // chunked, as the real API streams audio
            ex.getResponseBody().write(mp3);
        })));
        Fixtures.keys(api, id, real);

        byte[] got = OpenAiSdkIT.withSdk(api.gateway(), name, "pk-" + name, sdk -> {
            try (HttpResponse r = sdk.audio().speech().create(SpeechCreateParams.builder().input("Bonjour")
                    .model(SpeechModel.TTS_1).voice("alloy").build());
                 InputStream in = r.body()) {
                assertEquals(200, r.statusCode());
                assertEquals("audio/mpeg", r.headers().values("Content-Type").get(0));
                return in.readAllBytes();
            }
        });

        assertArrayEquals(mp3, got, "400,000 bytes of audio, unchanged");
        FakeUpstream.Recorded req = up.requests(real).get(0);
        assertEquals("/v1/audio/speech", req.path());
        assertEquals("Bearer " + real, req.header("Authorization"));
        assertTrue(req.bodyText().contains("\"input\":\"Bonjour\""), req.bodyText());
    }
}
