package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Streams are relayed as they arrive, and a client that leaves stops the upstream at once. */
@ExtendWith(SharedGateway.class)
class StreamingIT {

    private static HttpResponse<InputStream> openStream(Api api, String name) throws Exception {
        return Fixtures.CLIENT.send(HttpRequest.newBuilder(api.gateway().uri("/proxy/" + name + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer pk-" + name)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The payloads of the stream's {@code data:} lines, read to its end. */
    private static List<String> dataLines(HttpResponse<InputStream> r) throws Exception {
        List<String> got = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("data: ")) {
                    got.add(line.substring(6));
                }
            }
        }
        return got;
    }

    @Test
    void eventsReachTheClientAsTheUpstreamSendsThem(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("sse");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String key = "sk-sse-" + name;
        List<String> events = IntStream.range(0, 5).mapToObj(i -> "{\"i\":" + i + "}").toList();
        up.on(key, FakeUpstream.sse(events, 400));
        Fixtures.keys(api, id, key);

        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = openStream(api, name);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> got = new ArrayList<>();
        long firstAt = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("data: ")) {
                    if (firstAt < 0) {
                        firstAt = (System.nanoTime() - t0) / 1_000_000;
                    }
                    got.add(line.substring(6));
                }
            }
        }
        long total = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(events, got);
        // the upstream sends the last event about 1.6 s after the first: the first must not wait for it
        assertTrue(firstAt < total - 1000, "first event at " + firstAt + " ms, stream ended at " + total + " ms");
    }

    @Test
    void eventsAndAnswersOfEverySizeArriveWhole(Api api, FakeUpstream up) throws Exception {
        // around the relay's buffers: 512 bytes (the client-side buffer of a stream), 8 KiB (a read);
        // request bodies are read at their declared length
        String name = Fixtures.unique("sizes");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        List<String> events = IntStream.of(1, 500, 511, 512, 513, 3000, 8191, 8192, 8193, 70_000)
                .mapToObj(n -> "{\"t\":\"" + "x".repeat(n) + "\"}").toList();
        up.on("sk-sse-" + name, FakeUpstream.sse(events, 0));
        Fixtures.keys(api, id, "sk-sse-" + name);
        HttpResponse<InputStream> r = openStream(api, name);
        assertEquals(200, r.statusCode());
        List<String> got = dataLines(r);
        assertEquals(events, got);

        for (int n : new int[] {0, 300, 511, 513, 8191, 8193, 200_000}) {
            String json = "{\"t\":\"" + "y".repeat(n) + "\"}";
            String asked = "{\"model\":\"m\",\"p\":\"" + "z".repeat(n) + "\"}";
            String g = name + "-" + n;
            long gid = Fixtures.group(api, g, "openai", up.baseUrl(), "pk-" + g, "");
            up.on("sk-json-" + g, FakeUpstream.json(200, json));
            Fixtures.keys(api, gid, "sk-json-" + g);
            HttpResponse<String> answer = Fixtures.CLIENT.send(HttpRequest.newBuilder(
                            api.gateway().uri("/proxy/" + g + "/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer pk-" + g)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(asked)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), "answer of " + n);
            assertEquals(asked, up.requests("sk-json-" + g).get(0).bodyText(), "request of " + n);
            assertEquals(json, answer.body(), "answer of " + n);
            assertEquals(Integer.toString(json.length()), answer.headers().firstValue("Content-Length").orElse(""));
        }
    }

    @Test
    void clientDisconnectClosesTheUpstreamStream(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("gone");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String key = "sk-gone-" + name;
        up.on(key, FakeUpstream.sse(IntStream.range(0, 100).mapToObj(i -> "{\"i\":" + i + "}").toList(), 100));
        Fixtures.keys(api, id, key);
        int abortedBefore = up.abortedStreams.get();

        String body = "{\"model\":\"m\",\"stream\":true}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.gateway().port())) {
            socket.getOutputStream().write(("POST /proxy/" + name + "/v1/chat/completions HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer pk-" + name + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.contains("data: ")) {
                // headers and chunk sizes
            }
            assertTrue(line != null, "no event before the disconnect");
        } // the client goes away here
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (up.abortedStreams.get() == abortedBefore && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(up.abortedStreams.get() > abortedBefore, "the upstream connection was not closed");
    }

    @Test
    void aResetMidStreamEndsTheStreamWithoutRetryAndIsLoggedAsAnError(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("reset");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":3,\"blacklist_threshold\":0}");
        String key = "sk-reset-" + name;
        up.on(key, FakeUpstream.sseThenReset(List.of("{\"i\":0}", "{\"i\":1}"), 50));
        Fixtures.keys(api, id, key);
        HttpResponse<InputStream> r = openStream(api, name);
        assertEquals(200, r.statusCode());
        List<String> got = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("data: ")) {
                    got.add(line.substring(6));
                }
            }
        } catch (java.io.IOException endedAbruptly) {
            // spec §2.7: the copy ends; either ending is acceptable to the client
        }
        assertEquals(List.of("{\"i\":0}", "{\"i\":1}"), got, "what arrived before the reset is relayed");
        assertEquals(1, up.requests(key).size(), "no retry once bytes reached the client");
        var logs = RequestLogIT.awaitLogs(api, "group_name=" + name, 1);
        assertEquals(1, logs.size());
        assertTrue(logs.getJsonObject(0).getString("error_message").contains("upstream stream broken"),
                logs.getJsonObject(0).toString());
    }
}
