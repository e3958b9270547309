package io.gptload.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A complete answer the gateway gives (its own errors, an upstream's error body, a rewritten
 * model list), whichever front door the request came through: status, headers in order, body.
 */
record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    Reply {
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(headers);
    }

    /** A JSON answer ({@code Content-Type: application/json}) plus any {@code extra} name/value pairs. */
    static Reply json(int status, byte[] body, String... extra) {
        List<Map.Entry<String, String>> h = new ArrayList<>(1 + extra.length / 2);
        h.add(Map.entry("Content-Type", "application/json"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            h.add(Map.entry(extra[i], extra[i + 1]));
        }
        return new Reply(status, h, body);
    }
}
