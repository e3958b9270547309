package io.gptload.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Checks that the gateway's HTTP listener answers {@code GET /health}, retrying for a while. */
final class ListenerProbe {

    private ListenerProbe() {
    }

    /**
     * True when {@code GET /health} on {@code host:port} answers 200 within {@code patience}. A
     * wildcard host ({@code 0.0.0.0}, {@code ::}) is probed on the loopback address.
     */
    static boolean answers(String host, int port, Duration patience) {
        String target = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
        long deadline = System.nanoTime() + patience.toNanos();
        do {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(target, port), 1000);
                s.setSoTimeout(3000);
                s.getOutputStream().write("GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] head = s.getInputStream().readNBytes(12);
                if (new String(head, StandardCharsets.US_ASCII).matches("HTTP/1\\.[01] 200")) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet, or someone else is
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }
}
