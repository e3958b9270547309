package io.gptload.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client's request as a front door received it: method, the group named in the URL (decoded),
 * the raw path and query, a case-insensitive snapshot of every header with all its values, the
 * peer address and the unread body.
 */
public record ClientCall(String method, String groupName, String rawPath, String rawQuery,
                  Map<String, List<String>> headers, String remoteAddr, BodySource body) {

    /** The request body, opened at most once. */
    @FunctionalInterface
    public interface BodySource {
        InputStream open() throws IOException;
    }

    public ClientCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** Names the request only: its headers and query carry keys, which no log may show. */
    @Override
    public String toString() {
        return "ClientCall[" + method + " " + rawPath + "]";
    }
}
