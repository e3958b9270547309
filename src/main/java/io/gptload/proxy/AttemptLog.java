package io.gptload.proxy;

import io.gptload.group.GroupSnapshot;
import io.gptload.keypool.PooledKey;
import io.gptload.shared.TimeOrderedIds;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the attempts of one request (spec §2.10) and fires {@link ProxyCompleted} once the
 * final one is recorded, counting each attempt in {@link ProxyMetrics}. Durations are cumulative
 * from the start of the request.
 */
final class AttemptLog {

    static final int MAX_BODY = 65_000;
    static final int MAX_PATH = 500;

    private final InboundRequest in;
    private final Event<ProxyCompleted> events;
    private final ProxyMetrics metrics;
    private final long startNanos = System.nanoTime();
    private final List<Attempt> attempts = new ArrayList<>(2);
    private GroupSnapshot group;
    private GroupSnapshot parent;
    private String model = "";
    private boolean stream;
    private String body;

    AttemptLog(InboundRequest in, Event<ProxyCompleted> events, ProxyMetrics metrics) {
        this.in = in;
        this.events = events;
        this.metrics = metrics;
    }

    void parent(GroupSnapshot aggregate) {
        this.parent = aggregate;
    }

    void start(GroupSnapshot serving, String requestedModel, boolean isStream, byte[] loggedBody) {
        this.group = serving;
        this.model = requestedModel == null ? "" : cut(requestedModel, 255);
        this.stream = isStream;
        this.body = loggedBody == null ? null : truncate(loggedBody);
    }

    /** The gateway itself failed: recorded as the final attempt when the request had started. */
    void internalFailure(int status, String message) {
        ProxyCompleted done = null;
        synchronized (this) {
            boolean finalRecorded = attempts.stream().anyMatch(a -> Attempt.FINAL.equals(a.requestType()));
            if (group != null && !finalRecorded) {
                done = add(null, status, message, Attempt.FINAL, "");
            }
        }
        fire(done);
    }

    void finalWithoutKey(int status, String message) {
        record(null, status, message, Attempt.FINAL, "");
    }

    void record(PooledKey key, int status, String message, String type, String upstreamAddr) {
        ProxyCompleted done;
        synchronized (this) {
            done = add(key, status, message, type, upstreamAddr);
        }
        fire(done);
    }

    /**
     * Outside the lock: an observer may wait (synchronous request logs), and a virtual thread
     * waiting inside a monitor holds its carrier on JDK 21.
     */
    private void fire(ProxyCompleted done) {
        if (done != null) {
            events.fire(done);
        }
    }

    /** The request's event once the final attempt is added, else null. */
    private ProxyCompleted add(PooledKey key, int status, String message, String type, String upstreamAddr) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        boolean success = status < 400 && (message == null || message.isEmpty());
        metrics.group(group.name()).attempt(Attempt.RETRY.equals(type), success);
        attempts.add(new Attempt(TimeOrderedIds.next(), LocalDateTime.now(), group.id(), group.name(),
                parent == null ? 0 : parent.id(), parent == null ? "" : parent.name(),
                key == null ? "" : key.storedValue(), key == null ? "" : key.hash(), key == null ? 0 : key.id(),
                model, success, cut(in.clientIp(), 64), status, cut(in.loggedPath()),
                ms, message == null ? "" : message, body == null ? "" : cut512(in.userAgent()), type,
                cut(upstreamAddr), stream, body == null ? "" : body));
        return Attempt.FINAL.equals(type) ? new ProxyCompleted(attempts) : null;
    }

    private static String truncate(byte[] b) {
        int n = Math.min(b.length, MAX_BODY);
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    private static String cut(String s) {
        return cut(s, MAX_PATH);
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    private static String cut512(String s) {
        return s == null ? "" : s.length() <= 512 ? s : s.substring(0, 512);
    }
}
