package io.gptload.proxy;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.HttpContext;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@link ClientReply} on a Grizzly response (suspended while the exchange runs elsewhere). Headers
 * already set (the security headers) are replaced by an answer's header of the same name. Only
 * the first answer counts: a later one (an internal failure after the answer went out) is dropped.
 * A relayed body that breaks off after the head went out aborts the HTTP stream, so the client
 * sees a truncated answer, never a complete one; one that breaks before is answered with the
 * exchange's error instead. {@code onEnd} hears the status once the response is done.
 */
final class GrizzlyReply implements ClientReply {

    /** Grizzly's output buffer when nobody sizes it; writes longer than the buffer skip it. */
    private static final int GRIZZLY_DEFAULT_BUFFER = 8192;

    private final Response res;
    private final HttpContext http;
    private final IntConsumer onEnd;
    private final boolean head;
    private final Map<String, String> base;
    private final AtomicBoolean answered = new AtomicBoolean();

    /** {@code base}: the headers every answer carries unless it sets its own (security, CORS). */
    GrizzlyReply(Request req, Response res, Map<String, String> base, IntConsumer onEnd) {
        this.res = res;
        this.http = HttpContext.get(req.getContext());
        this.base = base;
        this.onEnd = onEnd;
        this.head = "HEAD".equals(req.getMethod().getMethodString());
        base.forEach(res::setHeader);
    }

    @Override
    public void send(Reply reply) {
        if (answered.compareAndSet(false, true)) {
            write(reply);
        }
    }

    private void write(Reply reply) {
        try {
            res.setStatus(reply.status());
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, String> h : reply.headers()) {
                header(h.getKey(), h.getValue(), seen);
            }
            res.setContentLength(reply.body().length);
            if (!head && reply.body().length > 0) {
                // a short answer gets a buffer of its size (at least 512) instead of 8 KiB; a longer
                // one is written from its own array, as before
                res.setBufferSize(Math.min(reply.body().length, GRIZZLY_DEFAULT_BUFFER));
                res.getOutputStream().write(reply.body());
            }
        } catch (IOException clientGone) {
            // nothing left to tell the client
        } finally {
            end(false);
        }
    }

    @Override
    public void relay(ResponseRelay relay, Supplier<Reply> ifBrokenEarly) {
        if (!answered.compareAndSet(false, true)) {
            relay.abandonIfUnwritten();
            return;
        }
        boolean broken = false;
        try {
            res.setStatus(relay.status());
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, List<String>> h : relay.headers().entrySet()) {
                for (String v : h.getValue()) {
                    header(h.getKey(), v, seen);
                }
            }
            if (!head) {
                res.setBufferSize(relay.containerBufferSize());
                relay.write(res.getOutputStream());
            }
        } catch (IOException | RuntimeException | Error upstreamBroke) {
            broken = true;
        } finally {
            relay.abandonIfUnwritten();
        }
        if (broken && !res.isCommitted()) {
            res.reset();
            base.forEach(res::setHeader);
            write(ifBrokenEarly.get());
        } else {
            end(broken);
        }
    }

    private void header(String name, String value, Set<String> seen) {
        if ("content-length".equalsIgnoreCase(name)) {
            try {
                res.setContentLengthLong(Long.parseLong(value.strip()));
            } catch (NumberFormatException ignored) {
                // an unusable length is not forwarded
            }
        } else if (seen.add(name.toLowerCase(Locale.ROOT))) {
            res.setHeader(name, value);
        } else {
            res.addHeader(name, value);
        }
    }

    private void end(boolean abort) {
        int status = res.getStatus();
        try {
            if (abort) {
                http.close(); // this HTTP stream only (HTTP/1.1: the connection), with no final chunk
            }
        } finally {
            if (res.isSuspended()) {
                res.resume();
            }
            onEnd.accept(status);
        }
    }
}
