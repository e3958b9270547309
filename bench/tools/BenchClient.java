import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's measuring client (what wrk cannot do): latency at a fixed request rate, time to
 * first byte of a stream, and many concurrent streams. Every figure is printed as one line of
 * {@code key=value} pairs for bench/run to pick up. Modes:
 * <pre>
 *   latency URL BODY_FILE BEARER RATE SECONDS   fixed-rate POSTs, p50/p99 of the whole answer
 *   ttfb    URL BODY_FILE BEARER COUNT PARALLEL  time to the first body byte of a stream
 *   streams URL BODY_FILE BEARER COUNT           COUNT streams at once, read to the end
 * </pre>
 */
public final class BenchClient {

    private static final int LATENCY_CONNECTIONS = 8;
    private static final int WARM_REQUESTS = 3_000;

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[1]);
        byte[] body = Files.readAllBytes(Path.of(args[2]));
        String bearer = args[3];
        switch (args[0]) {
            case "latency" -> latency(uri, body, bearer, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "ttfb" -> ttfb(uri, body, bearer, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "streams" -> streams(uri, body, bearer, Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    private static HttpRequest request(URI uri, byte[] body, String bearer) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /**
     * Open loop: a request is due every 1/rate s whatever the previous ones do, taken by the first
     * of {@link #LATENCY_CONNECTIONS} keep-alive connections that is free, each on a platform thread
     * of its own (RawHttpClient). The clock runs from writing the request to the last byte of the
     * answer. Before the measured run, {@link #WARM_REQUESTS} requests one after the other warm this
     * JVM and the connections; the first second of the run is left out as before. "late" counts the
     * requests that waited more than 1 ms for a free connection (the rate was not held).
     */
    private static void latency(URI uri, byte[] body, String bearer, int rate, int seconds) throws Exception {
        RawHttpClient[] conns = new RawHttpClient[LATENCY_CONNECTIONS];
        for (int i = 0; i < conns.length; i++) {
            conns[i] = new RawHttpClient(uri, body, bearer);
        }
        for (int i = 0; i < WARM_REQUESTS; i++) {
            exchange(conns[i % conns.length]);
        }
        int total = rate * seconds;
        long[] micros = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        BlockingQueue<long[]> due = new LinkedBlockingQueue<>();
        CountDownLatch done = new CountDownLatch(total);
        for (RawHttpClient conn : conns) {
            Thread worker = new Thread(() -> {
                try {
                    while (true) {
                        long[] job = due.take();
                        if (System.nanoTime() - job[1] > 1_000_000) {
                            late.incrementAndGet();
                        }
                        try {
                            long sent = System.nanoTime();
                            int status = exchange(conn);
                            micros[(int) job[0]] = status == 200 ? (System.nanoTime() - sent) / 1_000 : -1;
                            if (status != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            conn.close();
                            micros[(int) job[0]] = -1;
                            errors.incrementAndGet();
                        }
                        done.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long at = start + i * periodNanos;
            for (long wait; (wait = at - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            due.add(new long[] {i, at});
        }
        done.await();
        List<Long> s = new ArrayList<>(total);
        for (int i = Math.min(rate, total); i < total; i++) { // the first second is left out
            if (micros[i] >= 0) {
                s.add(micros[i]);
            }
        }
        Collections.sort(s);
        System.out.printf("n=%d errors=%d late=%d p50_us=%d p99_us=%d%n", s.size(), errors.get(), late.get(),
                pct(s, 50), pct(s, 99));
    }

    /** One whole request and answer on a keep-alive connection; returns the status. */
    private static int exchange(RawHttpClient conn) throws IOException {
        conn.connect();
        conn.send();
        RawHttpClient.Head head = conn.readHead();
        conn.readBody(head);
        return head.status();
    }

    /**
     * Time from writing the request to the first byte of the answer's body, each stream on a new
     * connection (opened before the clock starts) that is dropped after that byte, PARALLEL at a
     * time on platform threads. The first min(COUNT, 100) streams warm this JVM, unmeasured.
     */
    private static void ttfb(URI uri, byte[] body, String bearer, int count, int parallel) throws Exception {
        measureTtfb(uri, body, bearer, Math.min(count, 100), parallel, new Queue());
        Queue q = new Queue();
        int errors = measureTtfb(uri, body, bearer, count, parallel, q);
        List<Long> s = q.sorted();
        System.out.printf("n=%d errors=%d p50_us=%d p99_us=%d%n", s.size(), errors, pct(s, 50), pct(s, 99));
    }

    private static int measureTtfb(URI uri, byte[] body, String bearer, int count, int parallel, Queue q)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Thread[] threads = new Thread[parallel];
        for (int t = 0; t < parallel; t++) {
            threads[t] = new Thread(() -> {
                while (next.getAndIncrement() < count) {
                    try (RawHttpClient conn = new RawHttpClient(uri, body, bearer)) {
                        conn.connect();
                        long sent = System.nanoTime();
                        conn.send();
                        RawHttpClient.Head head = conn.readHead();
                        if (head.status() != 200 || conn.firstBodyByte(head) < 0) {
                            errors.incrementAndGet();
                        } else {
                            q.add((System.nanoTime() - sent) / 1_000);
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return errors.get();
    }

    /** COUNT streams at once; a stall is the longest pause between two chunks of one stream. */
    private static void streams(URI uri, byte[] body, String bearer, int count) throws Exception {
        Queue gaps = new Queue();
        AtomicInteger complete = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(count);
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                pool.submit(() -> {
                    started.countDown();
                    try {
                        HttpResponse<InputStream> r = CLIENT.send(request(uri, body, bearer),
                                HttpResponse.BodyHandlers.ofInputStream());
                        long maxGap = 0;
                        long last = System.nanoTime();
                        boolean sawDone = false;
                        byte[] buf = new byte[8192];
                        StringBuilder tail = new StringBuilder();
                        try (InputStream in = r.body()) {
                            for (int n; (n = in.read(buf)) > 0; ) {
                                long now = System.nanoTime();
                                maxGap = Math.max(maxGap, now - last);
                                last = now;
                                tail.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                                if (tail.length() > 64) {
                                    tail.delete(0, tail.length() - 64);
                                }
                            }
                            sawDone = tail.indexOf("[DONE]") >= 0;
                        }
                        if (r.statusCode() == 200 && sawDone) {
                            complete.incrementAndGet();
                            gaps.add(maxGap / 1_000);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                });
            }
        }
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        List<Long> s = gaps.sorted();
        System.out.printf("n=%d complete=%d errors=%d wall_ms=%d gap_p50_ms=%d gap_p99_ms=%d gap_max_ms=%d%n", count,
                complete.get(), errors.get(), wallMs, pct(s, 50) / 1000, pct(s, 99) / 1000,
                s.isEmpty() ? 0 : s.get(s.size() - 1) / 1000);
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    private static final class Queue {
        private final ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();

        void add(long v) {
            values.add(v);
        }

        List<Long> sorted() {
            List<Long> s = new ArrayList<>(values);
            Collections.sort(s);
            return s;
        }
    }
}
