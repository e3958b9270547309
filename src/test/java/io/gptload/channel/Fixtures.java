package io.gptload.channel;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Golden provider bodies under {@code src/test/resources/fixtures/<provider>/} and request builders. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static JsonObject json(byte[] b) {
        return Json.createReader(new ByteArrayInputStream(b)).readObject();
    }

    static ClientRequest request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        return new ClientRequest(method, path, query, h::get, body);
    }

    static ClientRequest post(String path, byte[] body) {
        return request("POST", path, "", Map.of(), body);
    }
}
