package io.gptload.upstream;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections of one {@link Http1Client}: those in use, and per origin the idle ones, last in
 * first out, at most {@code max_idle_conns_per_host} of them, none kept past
 * {@code idle_conn_timeout} or the upstream's own {@code Keep-Alive: timeout=}.
 */
final class Http1Pool {

    private static final long CHECK_AFTER_IDLE_NANOS = 1_000_000_000L;

    private final long idleNanos;
    private final int maxIdle;
    private final Map<Http1Origin, Idle> idle = new ConcurrentHashMap<>();
    private final Set<Http1Connection> busy = ConcurrentHashMap.newKeySet();

    private static final class Idle {
        final ConcurrentLinkedDeque<Http1Connection> connections = new ConcurrentLinkedDeque<>();
        final AtomicInteger size = new AtomicInteger();

        Http1Connection poll() {
            Http1Connection c = connections.pollFirst();
            if (c != null) {
                size.decrementAndGet();
            }
            return c;
        }

        boolean remove(Http1Connection c) {
            if (connections.removeFirstOccurrence(c)) {
                size.decrementAndGet();
                return true;
            }
            return false;
        }
    }

    Http1Pool(long idleNanos, int maxIdle) {
        this.idleNanos = idleNanos;
        this.maxIdle = maxIdle;
    }

    /**
     * The most recently used idle connection still fit for use (checked when it sat idle a
     * second or more), now busy and watched; null when there is none.
     */
    Http1Connection takeIdle(Http1Origin origin, Watch watch) throws IOException {
        Idle pool = idle.get(origin);
        if (pool == null) {
            return null;
        }
        Http1Connection c;
        while ((c = pool.poll()) != null) {
            long idleFor = System.nanoTime() - c.idleSince();
            if (idleFor < Math.min(idleNanos, c.keepAliveNanos())
                    && (idleFor < CHECK_AFTER_IDLE_NANOS || c.stillOpen())) {
                watch.target(c);
                busy.add(c);
                return c;
            }
            c.close();
        }
        return null;
    }

    /** A newly opened connection, now in use. */
    void opened(Http1Connection c) {
        busy.add(c);
    }

    /** A connection that failed during its exchange (already closed). */
    void failed(Http1Connection c) {
        busy.remove(c);
    }

    /** Where a body puts its connection when done with it. */
    void release(Http1Connection conn, boolean reusable) {
        if (!busy.remove(conn) || !reusable) {
            conn.close();
            return;
        }
        Idle pool = idle.computeIfAbsent(conn.origin, o -> new Idle());
        if (pool.size.incrementAndGet() > maxIdle) {
            pool.size.decrementAndGet();
            conn.close();
            return;
        }
        conn.idle();
        pool.connections.offerFirst(conn);
        Http1Connection oldest = pool.connections.peekLast();
        if (oldest != null && oldest != conn && expired(oldest) && pool.remove(oldest)) {
            oldest.close(); // the pool is last in, first out: the oldest idle connection is at the end
        }
    }

    private boolean expired(Http1Connection c) {
        return System.nanoTime() - c.idleSince() >= Math.min(idleNanos, c.keepAliveNanos());
    }

    /** Closes the origin's idle connections that have been idle at least as long as {@code stale} was. */
    void dropIdleOlderThan(Http1Connection stale) {
        Idle pool = idle.get(stale.origin);
        if (pool == null) {
            return;
        }
        for (Http1Connection c : pool.connections) {
            if (c.idleSince() - stale.idleSince() <= 0 && pool.remove(c)) {
                c.close();
            }
        }
    }

    /** Closes idle connections past their time. */
    void sweep() {
        for (Idle pool : idle.values()) {
            for (Http1Connection c : pool.connections) {
                if (expired(c) && pool.remove(c)) {
                    c.close();
                }
            }
        }
    }

    /** Closes every connection, busy or idle; their readers fail at once. */
    void abortAll() {
        for (Http1Connection c : busy) {
            busy.remove(c);
            c.close();
        }
        for (Idle pool : idle.values()) {
            Http1Connection c;
            while ((c = pool.poll()) != null) {
                c.close();
            }
        }
    }

    /** Connections in use and idle, for tests. */
    int[] connections() {
        return new int[] {busy.size(), idle.values().stream().mapToInt(p -> p.size.get()).sum()};
    }
}
