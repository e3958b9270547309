package io.gptload.proxy;

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The client's {@code Accept-Encoding}, narrowed to what the gateway can decode itself (gzip,
 * deflate, identity): an upstream error body must be readable to mask keys in it and to pick its
 * message, so the upstream is never invited to answer in brotli or zstd.
 */
final class AcceptEncoding {

    private static final Set<String> DECODABLE = Set.of("gzip", "x-gzip", "deflate", "identity");

    private AcceptEncoding() {
    }

    /** The narrowed header value, or null when nothing decodable is left (send none). */
    static String narrowed(String clientValue) {
        if (clientValue == null) {
            return null;
        }
        StringJoiner out = new StringJoiner(", ");
        for (String part : clientValue.split(",")) {
            String coding = part.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (DECODABLE.contains(coding)) {
                out.add(part.strip());
            }
        }
        return out.length() == 0 ? null : out.toString();
    }
}
