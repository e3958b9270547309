import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The benchmark's slow upstream: every POST answers an SSE stream whose first event comes at
 * once and the next ones every {@code gapMs}, {@code events} in all, then {@code [DONE]}.
 * Used for time to first byte and for many long-lived streams, where nginx cannot wait between
 * chunks. Run with {@code java SlowUpstream.java PORT EVENTS GAP_MS}.
 */
public final class SlowUpstream {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int events = Integer.parseInt(args[1]);
        long gapMs = Long.parseLong(args[2]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 2048);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().add("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < events; i++) {
                    if (i > 0) {
                        Thread.sleep(gapMs);
                    }
                    out.write(("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":"
                            + "[{\"index\":0,\"delta\":{\"content\":\"tok" + i + "\"}}]}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // the client left; nothing to do
            }
        });
        server.start();
        System.out.println("slow upstream on 127.0.0.1:" + port);
    }
}
