package io.gptload.channel;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One prepared upstream request.
 *
 * @param uri     the full upstream URL, real key included when the format carries it in the query
 * @param headers headers to SET on the upstream request (replacing any value the client sent), in order
 * @param body    the body to send
 */
public record UpstreamCall(URI uri, List<Map.Entry<String, String>> headers, byte[] body) {

    public UpstreamCall {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(Objects.requireNonNull(headers, "headers")).stream()
                .map(h -> Map.entry(Objects.requireNonNull(h.getKey(), "header name"), Objects.requireNonNull(h.getValue(), "header value")))
                .toList();
    }

    /** The value this call sets for {@code name} (case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        // the URI and headers may carry the real key; never print them
        return "UpstreamCall[" + uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath() + ", " + body.length + " bytes]";
    }
}
