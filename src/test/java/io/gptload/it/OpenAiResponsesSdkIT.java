package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official OpenAI Java SDK's Responses API through an {@code openai-response} group: a
 * response and a streamed response (named {@code response.*} events), as the SDK reads them.
 */
@ExtendWith(SharedGateway.class)
class OpenAiResponsesSdkIT {

    private static final String MODEL = "gpt-4.1-2025-04-14";
    private static final String ANSWER = "The capital of France is Paris.";
    private static final List<String> DELTAS = List.of("Paris", " is", " the", " capital", ".");

    private static String response(String status, String text) {
        String output = text == null ? "[]" : "[{\"type\":\"message\",\"id\":\"msg_67ccd2bf17f0819081ff3bb2cf6508e6\","
                + "\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\""
                + text + "\",\"annotations\":[]}]}]";
        return "{\"id\":\"resp_67ccd2bed1ec8190b14f964abc054267\",\"object\":\"response\",\"created_at\":1741476542,"
                + "\"status\":\"" + status + "\",\"error\":null,\"incomplete_details\":null,\"instructions\":\"Answer briefly.\","
                + "\"max_output_tokens\":50,\"model\":\"" + MODEL + "\",\"output\":" + output + ","
                + "\"parallel_tool_calls\":true,\"previous_response_id\":null,\"reasoning\":{\"effort\":null,\"summary\":null},"
                + "\"store\":true,\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"}},\"tool_choice\":\"auto\","
                + "\"tools\":[],\"top_p\":1.0,\"truncation\":\"disabled\",\"usage\":"
                + (text == null ? "null" : "{\"input_tokens\":36,\"input_tokens_details\":{\"cached_tokens\":0,\"cache_write_tokens\":0},"
                + "\"output_tokens\":8,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":44}")
                + ",\"user\":null,\"metadata\":{}}";
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    private static List<String[]> streamEvents() {
        List<String[]> events = new ArrayList<>();
        events.add(new String[] {"response.created", "{\"type\":\"response.created\",\"sequence_number\":0,"
                + "\"response\":" + response("in_progress", null) + "}"});
        int seq = 1;
        for (String d : DELTAS) {
            events.add(new String[] {"response.output_text.delta", "{\"type\":\"response.output_text.delta\","
                    + "\"sequence_number\":" + seq++ + ",\"item_id\":\"msg_67ccd2bf17f0819081ff3bb2cf6508e6\","
                    + "\"output_index\":0,\"content_index\":0,\"delta\":\"" + d + "\",\"logprobs\":[]}"});
        }
        events.add(new String[] {"response.completed", "{\"type\":\"response.completed\",\"sequence_number\":"
                + seq + ",\"response\":" + response("completed", String.join("", DELTAS)) + "}"});
        return events;
    }

    private static String responsesGroup(Api api, FakeUpstream up, String real) {
        String name = Fixtures.unique("sdk-resp");
        long id = Fixtures.group(api, name, "openai-response", up.baseUrl(), "pk-" + name, "");
        up.on(real, FakeUpstream.byPath(Map.of("/v1/responses", (ex, r) -> (json(r.bodyText()).getBoolean("stream", false)
                ? FakeUpstream.namedSse(streamEvents()) : FakeUpstream.gzipJson(200, response("completed", ANSWER))).handle(ex, r))));
        Fixtures.keys(api, id, real);
        return name;
    }

    private static ResponseCreateParams question() {
        return ResponseCreateParams.builder().model("gpt-4.1").instructions("Answer briefly.")
                .input("What is the capital of France? ¿Qué?").maxOutputTokens(50).build();
    }

    private static String text(Response r) {
        return r.output().stream().flatMap(o -> o.message().stream()).flatMap(m -> m.content().stream())
                .flatMap(c -> c.outputText().stream()).map(t -> t.text()).collect(Collectors.joining());
    }

    @Test
    void response(Api api, FakeUpstream up) throws Exception {
        String real = "sk-proj-sdkresp" + Fixtures.unique("k");
        String name = responsesGroup(api, up, real);

        Response r = OpenAiSdkIT.withSdk(api.gateway(), name, "pk-" + name, sdk -> sdk.responses().create(question()));

        assertEquals(ANSWER, text(r));
        assertEquals("resp_67ccd2bed1ec8190b14f964abc054267", r.id());
        assertEquals(ResponseStatus.COMPLETED, r.status().orElseThrow());
        assertEquals(44, r.usage().orElseThrow().totalTokens());
        FakeUpstream.Recorded req = up.requests(real).get(0);
        assertEquals("/v1/responses", req.path());
        assertEquals("Bearer " + real, req.header("Authorization"));
        assertEquals(ObjectMappers.jsonMapper().writeValueAsString(question()._body()), req.bodyText(),
                "the SDK's body reaches the upstream byte for byte");
    }

    @Test
    void streamedResponse(Api api, FakeUpstream up) throws Exception {
        String real = "sk-proj-sdkrespstream" + Fixtures.unique("k");
        String name = responsesGroup(api, up, real);

        List<ResponseStreamEvent> events = OpenAiSdkIT.withSdk(api.gateway(), name, "pk-" + name, sdk -> {
            try (StreamResponse<ResponseStreamEvent> stream = sdk.responses().createStreaming(question())) {
                return stream.stream().toList();
            }
        });

        assertEquals(DELTAS.size() + 2, events.size(), "created, one per delta, completed");
        assertTrue(events.get(0).created().isPresent());
        assertEquals(String.join("", DELTAS), events.stream().flatMap(e -> e.outputTextDelta().stream())
                .map(d -> d.delta()).collect(Collectors.joining()));
        Response done = events.getLast().completed().orElseThrow().response();
        assertEquals(ResponseStatus.COMPLETED, done.status().orElseThrow());
        assertEquals(String.join("", DELTAS), text(done));
        assertTrue(json(up.requests(real).get(0).bodyText()).getBoolean("stream"));
    }
}
