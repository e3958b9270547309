package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No secret in any log line (DECISIONS 21). Runs after every other IT class (see
 * {@code junit-platform.properties}), first provokes the situations where a key is most likely
 * to slip into a log, then scans every gateway log written by this test JVM for AUTH_KEY and
 * every proxy key and real key the tests used ({@link Secrets}).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(SharedGateway.class)
class LogHygieneIT {

    /** One secret found in one log line: where, and the secret masked. */
    record Leak(Path file, int line, String masked) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + " contains " + masked;
        }
    }

    static List<Leak> scan(List<Path> logs, Set<String> secrets) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        for (Path log : logs) {
            // ISO-8859-1 reads any byte; the secrets are ASCII
            try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
                int n = 0;
                for (String line; (line = in.readLine()) != null; ) {
                    n++;
                    for (String s : secrets) {
                        if (line.contains(s)) {
                            leaks.add(new Leak(log, n, Secrets.masked(s)));
                        }
                    }
                }
            }
        }
        return leaks;
    }

    @Test
    void theScannerFindsASecretAndMasksIt() throws IOException {
        Path f = Files.createTempFile("hygiene", ".log");
        try {
            String secret = "sk-scanner-" + UUID.randomUUID();
            Files.writeString(f, "first line\nsomething with " + secret + " in it\n");
            List<Leak> leaks = scan(List.of(f), Set.of(secret, "absent-secret-value"));
            assertEquals(1, leaks.size());
            assertEquals(2, leaks.get(0).line());
            assertTrue(!leaks.get(0).toString().contains(secret) && leaks.get(0).toString().contains("sk-s****"),
                    leaks.get(0).toString());
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void noGatewayLogContainsASecret(Api api, FakeUpstream up) throws Exception {
        provokeLeaks(api, up);
        List<Path> logs = Gateway.allLogs();
        assertTrue(logs.contains(api.gateway().log()), "the shared gateway's log is scanned: " + logs);
        assertTrue(Files.size(api.gateway().log()) > 0);
        List<Leak> leaks = scan(logs, Secrets.all());
        assertTrue(leaks.isEmpty(), leaks.size() + " secret(s) in gateway logs:\n"
                + String.join("\n", leaks.stream().map(Leak::toString).toList()));
    }

    /** Situations that tempt a careless gateway to log a key. */
    private static void provokeLeaks(Api api, FakeUpstream up) throws Exception {
        Gateway gw = api.gateway();

        // an upstream whose error body echoes the key; the key is then blacklisted
        String echo = Fixtures.unique("hyg-echo");
        long echoId = Fixtures.group(api, echo, "openai", up.baseUrl(), "pk-" + echo,
                ",\"config\":{\"max_retries\":1,\"blacklist_threshold\":1}");
        String echoKey = "sk-hyg-echo-" + UUID.randomUUID();
        up.on(echoKey, FakeUpstream.json(500, "{\"error\":{\"message\":\"key " + echoKey + " is broken\"}}"));
        Fixtures.keys(api, echoId, echoKey);
        Fixtures.send(HttpRequest.newBuilder(gw.uri("/proxy/" + echo + "/v1/chat/completions?key=pk-" + echo))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\"}")));

        // a transport error on a Gemini group: the real key travels in the upstream URL
        String down = Fixtures.unique("hyg-down");
        long downId = Fixtures.group(api, down, "gemini", "http://127.0.0.1:" + Gateway.freePort(), "pk-" + down,
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":0}");
        String downKey = "gk-hyg-down-" + UUID.randomUUID();
        Fixtures.keys(api, downId, downKey);
        assertEquals(502, Fixtures.post(gw, "/proxy/" + down + "/v1beta/models/g:generateContent", "pk-" + down, "{}")
                .statusCode());

        // an upstream timeout on a Gemini group, key in the URL again
        String slow = Fixtures.unique("hyg-slow");
        long slowId = Fixtures.group(api, slow, "gemini", up.baseUrl(), "pk-" + slow,
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":0,\"request_timeout\":1,"
                        + "\"response_header_timeout\":1}");
        String slowKey = "gk-hyg-slow-" + UUID.randomUUID();
        up.on(slowKey, FakeUpstream.hang());
        Fixtures.keys(api, slowId, slowKey);
        assertEquals(504, Fixtures.post(gw, "/proxy/" + slow + "/v1beta/models/g:generateContent", "pk-" + slow, "{}")
                .statusCode());

        // wrong proxy keys, in a header and in the query
        String wrong = Secrets.remember("pk-wrong-" + UUID.randomUUID());
        assertEquals(401, Fixtures.post(gw, "/proxy/" + echo + "/v1/chat/completions", wrong, "{}").statusCode());
        assertEquals(401, Fixtures.send(HttpRequest.newBuilder(gw.uri("/proxy/" + echo + "/v1/chat/completions?key="
                + wrong)).POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());

        // AUTH_KEY in the query string of /api calls (as the console's downloads send it), a wrong one too
        String wrongAdmin = Secrets.remember("it-admin-wrong-" + UUID.randomUUID());
        for (String path : List.of("/api/groups?key=", "/api/logs/export?key=", "/api/nope?key=")) {
            Fixtures.send(HttpRequest.newBuilder(gw.uri(path + Gateway.AUTH_KEY)).GET());
            Fixtures.send(HttpRequest.newBuilder(gw.uri(path + wrongAdmin)).GET());
        }
        Fixtures.send(HttpRequest.newBuilder(gw.uri("/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"auth_key\":\"" + wrongAdmin + "\"}")));

        // let the asynchronous side (blacklisting, request-log flush) do its work, and log if it will
        for (int i = 0; i < 100 && api.get("/api/keys?group_id=" + echoId + "&status=invalid").data()
                .getJsonArray("items").isEmpty(); i++) {
            Thread.sleep(100);
        }
        for (String group : List.of(echo, down, slow)) {
            assertTrue(!RequestLogIT.awaitLogs(api, "group_name=" + group, 1).isEmpty(), group + " was logged");
        }
    }
}
