package io.gptload.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client for the gateway's {@code /api}, authenticated with AUTH_KEY. */
public final class Api {

    /** An answer: status, headers, raw body and the body parsed as JSON (null when it is not JSON). */
    public record Resp(int status, HttpHeaders headers, String body) {
        public JsonValue json() {
            try (var r = Json.createReader(new StringReader(body))) {
                return r.readValue();
            }
        }

        public JsonObject obj() {
            return json().asJsonObject();
        }

        public JsonObject data() {
            return obj().getJsonObject("data");
        }
    }

    /** Parses a JSON object body. */
    public static JsonObject parse(String body) {
        try (var r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Gateway gw;

    public Api(Gateway gw) {
        this.gw = gw;
    }

    public Gateway gateway() {
        return gw;
    }

    public Resp get(String path) {
        return send("GET", path, null);
    }

    public Resp post(String path, String json) {
        return send("POST", path, json);
    }

    public Resp put(String path, String json) {
        return send("PUT", path, json);
    }

    public Resp delete(String path) {
        return send("DELETE", path, null);
    }

    public Resp send(String method, String path, String json) {
        return send(method, path, json, null, Duration.ofSeconds(30));
    }

    /** As {@link #send(String, String, String)}, with an {@code Accept-Language} header when not null. */
    public Resp send(String method, String path, String json, String acceptLanguage) {
        return send(method, path, json, acceptLanguage, Duration.ofSeconds(30));
    }

    /** As {@link #send(String, String, String)} with a longer wait, for bulk work on a busy machine. */
    public Resp send(String method, String path, String json, Duration timeout) {
        return send(method, path, json, null, timeout);
    }

    private Resp send(String method, String path, String json, String acceptLanguage, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(gw.uri(path)).timeout(timeout)
                .header("Authorization", "Bearer " + Gateway.AUTH_KEY)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.headers(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
