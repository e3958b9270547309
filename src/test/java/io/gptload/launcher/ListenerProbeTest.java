package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ListenerProbeTest {

    @Test
    void answersWhenHealthSaysOk() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", ex -> {
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes());
            ex.close();
        });
        server.start();
        try {
            assertTrue(ListenerProbe.answers("0.0.0.0", server.getAddress().getPort(), Duration.ofSeconds(2)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void doesNotAnswerWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertFalse(ListenerProbe.answers("127.0.0.1", port, Duration.ofMillis(500)));
    }

    @Test
    void doesNotAnswerWhenAnotherServiceHoldsThePort() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            assertFalse(ListenerProbe.answers("127.0.0.1", server.getAddress().getPort(), Duration.ofMillis(500)));
        } finally {
            server.stop(0);
        }
    }
}
