package io.gptload.channel;

import java.util.Objects;
import java.util.function.Function;

/**
 * What an adapter sees of the client's request.
 *
 * @param method   HTTP method, upper case
 * @param path     the raw (not decoded) path after {@code /proxy/{group}}, starting with {@code /}
 * @param rawQuery the client's raw query string with the proxy {@code key} parameter removed; "" when none
 * @param header   case-insensitive header lookup answering the first value or null
 * @param body     the body as the client sent it (before parameter overrides); empty when none
 */
public record ClientRequest(String method, String path, String rawQuery, Function<String, String> header, byte[] body) {

    public ClientRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }
}
