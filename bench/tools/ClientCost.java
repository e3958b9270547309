import io.gptload.upstream.ClientProfile;
import io.gptload.upstream.Http1Client;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU per exchange of an upstream client on its own: N virtual threads POST the bench's chat
 * request to the bench's nginx upstream as fast as they can; after a warm-up, the process's CPU
 * time over the measured seconds divided by the exchanges. Pin it to one core:
 *
 *   ./mvnw -q compile && taskset -c 0 java -cp target/classes bench/tools/ClientCost.java lean 32 20 10
 *
 * Clients: "jdk" (java.net.http.HttpClient with a virtual-thread executor, bodies through
 * ofInputStream) or "lean" (io.gptload.upstream.Http1Client). Upstream: 127.0.0.1:18081, as
 * bench/nginx/upstream.conf serves it.
 */
public class ClientCost {

    interface Exchange {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int threads = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        URI uri = URI.create("http://127.0.0.1:18081/v1/chat/completions");
        byte[] body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}".getBytes();
        HttpRequest request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-bench")
                .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(10)).build();
        Exchange exchange;
        if (kind.equals("jdk")) {
            HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            exchange = () -> drain(client.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } else {
            Http1Client client = new Http1Client(new ClientProfile(Duration.ofSeconds(5), ""),
                    Executors.newSingleThreadScheduledExecutor());
            exchange = () -> drain(client.send(request));
        }
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 0; i < threads; i++) {
            Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    try {
                        exchange.run();
                        done.incrementAndGet();
                    } catch (Exception e) {
                        System.err.println("exchange failed: " + e);
                        return;
                    }
                }
            });
        }
        Thread.sleep(warmup * 1000L);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long n0 = done.get();
        long cpu0 = os.getProcessCpuTime();
        Thread.sleep(seconds * 1000L);
        long n = done.get() - n0;
        long cpu = os.getProcessCpuTime() - cpu0;
        stop.set(true);
        System.out.printf("%s, %d threads: %d exchanges/s, %.1f us CPU per exchange%n", kind, threads, n / seconds,
                cpu / 1000.0 / n);
        System.exit(0);
    }

    private static void drain(HttpResponse<InputStream> response) throws Exception {
        try (InputStream in = response.body()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
    }
}
