package io.gptload.proxy;

import io.gptload.upstream.HeaderFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** Reading bounded upstream bodies (errors, model lists) and answering with them. */
final class UpstreamBodies {

    /** Error bodies larger than this are cut: they only feed a message and the client's error. */
    static final int MAX_ERROR_BODY = 1 << 20;

    private UpstreamBodies() {
    }

    /** The whole error body, decompressed when gzip (spec §1 row 49); empty on a read failure. */
    static byte[] readError(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            byte[] raw = in.readNBytes(MAX_ERROR_BODY);
            return decompress(raw, encoding(r), MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Reads {@code reader} from the upstream body, closing the body (which cancels the exchange)
     * when {@code budget} runs out first: a stalled body can never hold a request.
     */
    static <T> T withDeadline(java.util.concurrent.ScheduledExecutorService deadlines, java.time.Duration budget,
                              HttpResponse<InputStream> r, java.util.function.Supplier<T> reader) {
        java.util.concurrent.ScheduledFuture<?> cut = deadlines.schedule(() -> closeQuietly(r.body()),
                Math.max(1, budget.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            return reader.get();
        } finally {
            cut.cancel(false);
        }
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    static String encoding(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
    }

    static byte[] decompress(byte[] raw, String encoding, int max) throws IOException {
        InputStream in = switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(raw));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(raw));
            default -> null;
        };
        if (in == null) {
            return raw;
        }
        try (in) {
            return in.readNBytes(max);
        } catch (IOException e) {
            return raw;
        }
    }

    /** The upstream's error answer after the last attempt: status, headers and body (DECISIONS 5). */
    static Reply errorResponse(HttpResponse<InputStream> r, byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        r.headers().map().forEach((name, values) -> {
            if (HeaderFilter.forwardDownstream(name) && !"content-length".equalsIgnoreCase(name)
                    && !"content-encoding".equalsIgnoreCase(name)) {
                values.forEach(v -> headers.add(Map.entry(name, v)));
            }
        });
        if (r.headers().firstValue("Content-Type").isEmpty()) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        return new Reply(r.statusCode(), headers, body);
    }
}
