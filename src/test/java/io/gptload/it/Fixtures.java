package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Creating groups and keys through the API, and calling the proxy, for the integration tests. */
final class Fixtures {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /** Creates a standard group and returns its id. {@code extra} is more JSON members, e.g. {@code ,"config":{...}}. */
    static long group(Api api, String name, String channel, String upstream, String proxyKey, String extra) {
        Secrets.remember(proxyKey);
        String body = "{\"name\":\"" + name + "\",\"channel_type\":\"" + channel + "\",\"test_model\":\"m\","
                + "\"upstreams\":[{\"url\":\"" + upstream + "\",\"weight\":1}],\"proxy_keys\":\"" + proxyKey + "\""
                + extra + "}";
        Api.Resp r = api.post("/api/groups", body);
        assertEquals(200, r.status(), r.body());
        return r.data().getJsonNumber("id").longValue();
    }

    static void keys(Api api, long groupId, String... keys) {
        for (String k : keys) {
            Secrets.remember(k);
        }
        Api.Resp r = api.post("/api/keys/add-multiple", "{\"group_id\":" + groupId + ",\"keys_text\":\""
                + String.join(",", keys) + "\"}");
        assertEquals(200, r.status(), r.body());
    }

    static HttpResponse<String> post(Gateway gw, String path, String proxyKey, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(gw.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + proxyKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(Gateway gw, String path) {
        return gw.uri(path);
    }
}
