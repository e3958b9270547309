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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Open loop: a request starts every 1/rate s whatever the previous ones do. */
    private static void latency(URI uri, byte[] body, String bearer, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        List<Long> micros = Collections.synchronizedList(new ArrayList<>(total));
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long sent = System.nanoTime();
            CLIENT.sendAsync(request(uri, body, bearer), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            micros.add((System.nanoTime() - sent) / 1_000);
                        }
                        done.countDown();
                    });
        }
        done.await();
        List<Long> sorted = new ArrayList<>(micros);
        // the first second warms the client's connections and is left out
        List<Long> steady = sorted.subList(Math.min(rate, sorted.size()), sorted.size());
        List<Long> s = new ArrayList<>(steady);
        Collections.sort(s);
        System.out.printf("n=%d errors=%d p50_us=%d p99_us=%d%n", s.size(), errors.get(), pct(s, 50), pct(s, 99));
    }

    /** Time from sending to the first byte of the answer's body; the stream is then dropped. */
    private static void ttfb(URI uri, byte[] body, String bearer, int count, int parallel) throws Exception {
        measureTtfb(uri, body, bearer, Math.min(count, 100), parallel, new Queue()); // warms this JVM, unmeasured
        Queue q = new Queue();
        int errors = measureTtfb(uri, body, bearer, count, parallel, q);
        List<Long> s = q.sorted();
        System.out.printf("n=%d errors=%d p50_us=%d p99_us=%d%n", s.size(), errors, pct(s, 50), pct(s, 99));
    }

    private static int measureTtfb(URI uri, byte[] body, String bearer, int count, int parallel, Queue q)
            throws Exception {
        Semaphore slots = new Semaphore(parallel);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger errors = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                slots.acquire();
                pool.submit(() -> {
                    try {
                        long sent = System.nanoTime();
                        HttpResponse<InputStream> r = CLIENT.send(request(uri, body, bearer),
                                HttpResponse.BodyHandlers.ofInputStream());
                        try (InputStream in = r.body()) {
                            if (r.statusCode() != 200 || in.read() < 0) {
                                errors.incrementAndGet();
                            } else {
                                q.add((System.nanoTime() - sent) / 1_000);
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    } finally {
                        slots.release();
                        done.countDown();
                    }
                });
            }
            done.await();
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
