package io.gptload.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lean upstream client against a scripted HTTP/1.1 server on a real socket. */
class Http1ClientTest {

    /** Per connection: reads requests and answers them as the test's script says. */
    @FunctionalInterface
    interface Script {
        /** Handles the {@code n}th request of a connection (0-based); false closes the connection. */
        boolean answer(int n, Request request, OutputStream out) throws Exception;
    }

    record Request(String line, List<String> headers, byte[] body) {
        String header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }

    private final ServerSocket server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Script script;
    private static final java.util.concurrent.ScheduledExecutorService DEADLINES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    private final Http1Client client = new Http1Client(new ClientProfile(Duration.ofSeconds(2), ""), DEADLINES);

    Http1ClientTest() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        client.abortAll();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            for (int n = 0; ; n++) {
                Request r = read(in);
                if (r == null) {
                    return;
                }
                requests.add(r);
                boolean keep = script.answer(n, r, out);
                out.flush();
                if (!keep) {
                    return;
                }
            }
        } catch (Exception e) {
            // the test's client went away
        }
    }

    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            return null;
        }
        List<String> headers = new java.util.ArrayList<>();
        String h;
        int length = 0;
        while (!(h = line(in)).isEmpty()) {
            headers.add(h);
            if (h.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).strip());
            }
        }
        return new Request(line, headers, in.readNBytes(length));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return null;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static boolean json(OutputStream out, String body) throws IOException {
        write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body);
        return true;
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + pathAndQuery);
    }

    private HttpRequest post(String pathAndQuery, String body) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(2))
                .header("Authorization", "Bearer sk-real").header("X-Multi", "a").header("X-Multi", "b")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String text(HttpResponse<InputStream> r) throws IOException {
        try (InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sendsTheRequestAsBuiltAndReadsALengthDelimitedAnswer() throws Exception {
        script = (n, r, out) -> json(out, "{\"ok\":" + n + "}");
        HttpResponse<InputStream> r = client.send(post("/v1/chat/completions?a=b%20c", "{\"model\":\"m\"}"));
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\"ok\":0}", text(r));
        Request seen = requests.getFirst();
        assertEquals("POST /v1/chat/completions?a=b%20c HTTP/1.1", seen.line());
        assertEquals("127.0.0.1:" + server.getLocalPort(), seen.header("Host"));
        assertEquals("Bearer sk-real", seen.header("Authorization"));
        assertEquals("13", seen.header("Content-Length"));
        assertTrue(seen.headers().containsAll(List.of("X-Multi: a", "X-Multi: b")), seen.headers().toString());
        assertArrayEquals("{\"model\":\"m\"}".getBytes(), seen.body());
    }

    @Test
    void keepsTheConnectionAliveAcrossRequests() throws Exception {
        script = (n, r, out) -> json(out, "{\"n\":" + n + "}");
        for (int i = 0; i < 5; i++) {
            assertEquals("{\"n\":" + i + "}", text(client.send(post("/x", "{}"))));
        }
        assertEquals(1, connections.get());
        assertArrayEquals(new int[] {0, 1}, client.connections());
    }

    @Test
    void thePoolKeepsAtMostMaxIdlePerHostAndNoneOlderThanTheIdleTimeout() throws Exception {
        Http1Client small = new Http1Client(new ClientProfile(Duration.ofSeconds(2), "", Duration.ofMillis(300), 2),
                DEADLINES);
        CountDownLatch allIn = new CountDownLatch(4);
        script = (n, r, out) -> {
            allIn.countDown();
            allIn.await(5, TimeUnit.SECONDS); // four connections busy at once
            return json(out, "{}");
        };
        List<Thread> senders = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    text(small.send(post("/x", "{}")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : senders) {
            t.join(5_000);
        }
        assertEquals(4, connections.get());
        assertArrayEquals(new int[] {0, 2}, small.connections(), "two kept idle, two closed");
        script = (n, r, out) -> json(out, "{}");
        Thread.sleep(400);
        assertEquals("{}", text(small.send(post("/x", "{}"))));
        assertEquals(5, connections.get(), "idle connections past idle_conn_timeout are not reused");
        small.abortAll();
    }

    @Test
    void streamsAChunkedAnswerAsItArrives() throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        script = (n, r, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
            write(out, "b;ext=1\r\ndata: one\n\n\r\n");
            assertTrue(firstRead.await(5, TimeUnit.SECONDS), "the client read the first event before the rest was sent");
            write(out, "b\r\ndata: two\n\n\r\n0\r\nX-Trailer: t\r\n\r\n");
            return true;
        };
        HttpResponse<InputStream> r = client.send(post("/s", "{}"));
        InputStream in = r.body();
        byte[] buf = new byte[100];
        int n = in.read(buf);
        assertEquals("data: one\n\n", new String(buf, 0, n));
        assertEquals(0, in.available());
        firstRead.countDown();
        assertEquals("data: two\n\n", new String(in.readAllBytes()));
        in.close();
        script = (k, q, out) -> json(out, "{}");
        assertEquals("{}", text(client.send(post("/x", "{}"))));
        assertEquals(1, connections.get(), "the connection was reused after the last chunk");
    }

    @Test
    void anAnswerWithoutLengthEndsWithTheConnection() throws Exception {
        script = (n, r, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it");
            return false;
        };
        assertEquals("all of it", text(client.send(post("/x", "{}"))));
        assertArrayEquals(new int[] {0, 0}, client.connections());
    }

    @Test
    void headAnd204AnswersHaveNoBody() throws Exception {
        script = (n, r, out) -> {
            write(out, n == 0 ? "HTTP/1.1 200 OK\r\nContent-Length: 123\r\n\r\n" : "HTTP/1.1 204 No Content\r\n\r\n");
            return true;
        };
        HttpRequest head = HttpRequest.newBuilder(uri("/h")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<InputStream> r = client.send(head);
        assertEquals("123", r.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("", text(r));
        assertEquals("HEAD /h HTTP/1.1", requests.getFirst().line());
        assertEquals(null, requests.getFirst().header("Content-Length"));
        assertEquals(204, client.send(post("/x", "{}")).statusCode());
        assertEquals(1, connections.get());
    }

    @Test
    void skipsInterimAnswers() throws Exception {
        script = (n, r, out) -> {
            write(out, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n");
            return json(out, "{}");
        };
        HttpResponse<InputStream> r = client.send(post("/x", "{}"));
        assertEquals(200, r.statusCode());
        assertEquals("{}", text(r));
    }

    @Test
    void aSlowHeadEndsWithAnHttpTimeout() {
        script = (n, r, out) -> {
            Thread.sleep(3_000);
            return json(out, "{}");
        };
        HttpRequest slow = HttpRequest.newBuilder(uri("/slow")).timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        long t0 = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> client.send(slow));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 290 && ms < 2_000, ms + " ms");
        assertArrayEquals(new int[] {0, 0}, client.connections());
    }

    @Test
    void anUpstreamThatDoesNotReadALargeBodyTimesOut() throws Exception {
        CountDownLatch over = new CountDownLatch(1);
        ServerSocket deaf = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (deaf; Socket s = deaf.accept()) {
                over.await(10, TimeUnit.SECONDS); // accepts, never reads
            } catch (Exception e) {
                // test over
            }
        });
        HttpRequest big = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deaf.getLocalPort() + "/x"))
                .timeout(Duration.ofMillis(500)).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[32 << 20])).build();
        long t0 = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> client.send(big));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        over.countDown();
        assertTrue(ms >= 450 && ms < 3_000, ms + " ms");
        assertArrayEquals(new int[] {0, 0}, client.connections());
    }

    @Test
    void anIdleConnectionTheUpstreamClosedIsNotUsed() throws Exception {
        script = (n, r, out) -> {
            json(out, "{\"n\":" + n + "}");
            return false; // the upstream closes the kept-alive connection after its answer
        };
        assertEquals("{\"n\":0}", text(client.send(post("/x", "{}"))));
        Thread.sleep(1_100); // idle long enough to be checked before reuse
        assertEquals("{\"n\":0}", text(client.send(post("/x", "{}"))));
        assertEquals(2, connections.get());
        assertEquals(2, requests.size(), "each request reached the upstream once");
    }

    @Test
    void aRepeatableRequestOnAConnectionClosedUnderItIsSentOnceMoreOnANewOne() throws Exception {
        script = (n, r, out) -> {
            json(out, "{\"n\":" + n + "}");
            return false;
        };
        HttpRequest get = HttpRequest.newBuilder(uri("/v1/models")).GET().build();
        assertEquals("{\"n\":0}", text(client.send(get)));
        Thread.sleep(100); // closed by the upstream, too recently used to be checked
        assertEquals("{\"n\":0}", text(client.send(get)));
        assertEquals(2, connections.get());
    }

    @Test
    void aPostTheUpstreamMayHaveRunIsNotSentTwiceUnlessItCarriesAnIdempotencyKey() throws Exception {
        script = (n, r, out) -> n == 0 && json(out, "{}"); // the second request on a connection: read, no answer
        assertEquals("{}", text(client.send(post("/x", "{}"))));
        assertThrows(IOException.class, () -> client.send(post("/x", "{}")));
        assertEquals(2, requests.size(), "the POST went out once");

        assertEquals("{}", text(client.send(post("/x", "{}"))));
        HttpRequest keyed = HttpRequest.newBuilder(uri("/x")).header("Idempotency-Key", "abc")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertEquals("{}", text(client.send(keyed)));
        assertEquals(5, requests.size(), "the keyed POST went out again on a new connection");
    }

    @Test
    void answersThatCloseTheConnectionAreNotPooled() throws Exception {
        List<String> heads = List.of("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
                "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}",
                "HTTP/1.1 200 OK\r\nKeep-Alive: timeout=1\r\nContent-Length: 2\r\n\r\n{}");
        for (String answer : heads) {
            script = (n, r, out) -> {
                write(out, answer);
                return true;
            };
            assertEquals("{}", text(client.send(post("/x", "{}"))));
        }
        assertEquals("{}", text(client.send(post("/x", "{}"))));
        assertEquals(4, connections.get(), "none of the first three connections was reused");
    }

    @Test
    void sweepClosesConnectionsIdlePastTheirTime() throws Exception {
        Http1Client shortIdle = new Http1Client(new ClientProfile(Duration.ofSeconds(2), "", Duration.ofMillis(200), 5),
                DEADLINES);
        script = (n, r, out) -> json(out, "{}");
        assertEquals("{}", text(shortIdle.send(post("/x", "{}"))));
        shortIdle.sweep();
        assertArrayEquals(new int[] {0, 1}, shortIdle.connections());
        Thread.sleep(300);
        shortIdle.sweep();
        assertArrayEquals(new int[] {0, 0}, shortIdle.connections());
    }

    @Test
    void aCancelledSenderGetsInterruptedException() throws Exception {
        script = (n, r, out) -> {
            Thread.sleep(5_000);
            return false;
        };
        Object[] outcome = new Object[1];
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                client.send(post("/x", "{}"));
            } catch (Exception e) {
                outcome[0] = e;
            }
        });
        Thread.sleep(300);
        sender.interrupt();
        sender.join(2_000);
        assertTrue(outcome[0] instanceof InterruptedException, String.valueOf(outcome[0]));
        assertArrayEquals(new int[] {0, 0}, client.connections());
    }

    @Test
    void headerLinesWithoutANameAreSkipped() throws Exception {
        script = (n, r, out) -> {
            write(out, "HTTP/1.1 200 OK\r\n\u000b: x\r\n: y\r\nX-Ok: 1\r\nContent-Length: 2\r\n\r\n{}");
            return true;
        };
        HttpResponse<InputStream> r = client.send(post("/x", "{}"));
        assertEquals("1", r.headers().firstValue("X-Ok").orElseThrow());
        assertEquals("{}", text(r));
    }

    @Test
    void theHostHeaderNamesTheOrigin() {
        assertEquals("[::1]:8443", Http1Origin.of(URI.create("https://[::1]:8443/v1")).authority());
        assertEquals("api.openai.com", Http1Origin.of(URI.create("https://API.openai.com/v1")).authority());
        assertEquals("example.com:8080", Http1Origin.of(URI.create("http://example.com:8080/")).authority());
        assertEquals("example.com", Http1Origin.of(URI.create("http://example.com:80/")).authority());
    }

    @Test
    void aDefaultUserAgentIsSentWhenTheClientSentNone() throws Exception {
        script = (n, r, out) -> json(out, "{}");
        text(client.send(post("/x", "{}")));
        assertTrue(requests.getFirst().header("User-Agent").startsWith("Java-http-client/"));
        text(client.send(HttpRequest.newBuilder(uri("/x")).header("User-Agent", "OpenAI/Python 1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
        assertEquals("OpenAI/Python 1.0", requests.get(1).header("User-Agent"));
    }

    @Test
    void aFailureOnAFreshConnectionIsNotRetried() {
        script = (n, r, out) -> false; // reads the request and hangs up without an answer
        assertThrows(IOException.class, () -> client.send(post("/x", "{}")));
        assertEquals(1, requests.size());
    }

    @Test
    void closingABodyEarlyCancelsTheStreamAndDropsTheConnection() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        script = (n, r, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
            done.await(5, TimeUnit.SECONDS);
            return false;
        };
        HttpResponse<InputStream> r = client.send(post("/s", "{}"));
        InputStream in = r.body();
        assertEquals('h', in.read());
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                in.readAllBytes();
            } catch (IOException expected) {
                // unblocked by the close
            }
        });
        Thread.sleep(200);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            in.close(); // as a deadline on another thread does
            reader.join();
        });
        done.countDown();
        assertArrayEquals(new int[] {0, 0}, client.connections());
    }

    @Test
    void abortAllUnblocksEveryReader() throws Exception {
        script = (n, r, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc");
            Thread.sleep(5_000);
            return false;
        };
        InputStream in = client.send(post("/s", "{}")).body();
        assertEquals('a', in.read());
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                // test thread
            }
            client.abortAll();
        });
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(IOException.class, in::readAllBytes));
    }

    @Test
    void malformedAnswersAreIoErrors() {
        script = (n, r, out) -> {
            write(out, "SPDY/9 200 OK\r\n\r\n");
            return false;
        };
        IOException e = assertThrows(IOException.class, () -> client.send(post("/x", "{}")));
        assertTrue(e.getMessage().contains("status line"), e.getMessage());
        script = (n, r, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
            return false;
        };
        e = assertThrows(IOException.class, () -> client.send(post("/x", "{}")));
        assertTrue(e.getMessage().contains("Content-Length"), e.getMessage());
        script = (n, r, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
            return false;
        };
        assertThrows(IOException.class, () -> text(client.send(post("/x", "{}"))));
        script = (n, r, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
            return false;
        };
        assertThrows(IOException.class, () -> text(client.send(post("/x", "{}"))));
        assertArrayEquals(new int[] {0, 0}, client.connections());
    }

    @Test
    void aRefusedConnectionIsAnIoError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThrows(ConnectException.class, () -> client.send(r));
    }

    /** A key store holding a self-signed certificate for {@code san}, made with the JDK's keytool. */
    private static java.security.KeyStore keyStore(java.nio.file.Path dir, String san) throws Exception {
        java.nio.file.Path file = dir.resolve("tls.p12");
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "secret",
                "-alias", "upstream", "-keyalg", "EC", "-dname", "CN=upstream", "-ext", "san=" + san,
                "-validity", "2").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            ks.load(in, "secret".toCharArray());
        }
        return ks;
    }

    private static javax.net.ssl.SSLContext tls(java.security.KeyStore ks, boolean server) throws Exception {
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        if (server) {
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, "secret".toCharArray());
            ctx.init(kmf.getKeyManagers(), null, null);
        } else {
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            ctx.init(null, tmf.getTrustManagers(), null);
        }
        return ctx;
    }

    private static void serveTls(ServerSocket tlsServer) {
        Thread.ofVirtual().start(() -> {
            while (!tlsServer.isClosed()) {
                Socket accepted;
                try {
                    accepted = tlsServer.accept();
                } catch (IOException e) {
                    return; // the test is over
                }
                Thread.ofVirtual().start(() -> {
                    try (Socket s = accepted) {
                        InputStream in = s.getInputStream();
                        for (Request r = read(in); r != null; r = read(in)) {
                            write(s.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: " + (r.body().length + 4)
                                    + "\r\n\r\ngot " + new String(r.body()));
                        }
                    } catch (IOException e) {
                        // a failed handshake, or the client hung up
                    }
                });
            }
        });
    }

    @Test
    void speaksTlsAndChecksTheUpstreamsName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.security.KeyStore ks = keyStore(dir, "ip:127.0.0.1,dns:localhost");
        try (ServerSocket tlsServer = tls(ks, true).getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress())) {
            serveTls(tlsServer);
            Http1Client tlsClient = new Http1Client(new ClientProfile(Duration.ofSeconds(2), ""), DEADLINES, tls(ks, false).getSocketFactory());
            for (String host : List.of("127.0.0.1", "localhost")) {
                HttpRequest r = HttpRequest.newBuilder(URI.create("https://" + host + ":" + tlsServer.getLocalPort() + "/x"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
                assertEquals("got {}", text(tlsClient.send(r)));
            }
            tlsClient.abortAll();
        }
    }

    @Test
    void aTlsUpstreamThatDoesNotReadALargeBodyTimesOut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.security.KeyStore ks = keyStore(dir, "ip:127.0.0.1");
        CountDownLatch over = new CountDownLatch(1);
        try (ServerSocket tlsServer = tls(ks, true).getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = tlsServer.accept()) {
                    ((javax.net.ssl.SSLSocket) s).startHandshake();
                    over.await(10, TimeUnit.SECONDS); // handshakes, never reads
                } catch (Exception e) {
                    // test over
                }
            });
            Http1Client tlsClient = new Http1Client(new ClientProfile(Duration.ofSeconds(2), ""), DEADLINES,
                    tls(ks, false).getSocketFactory());
            HttpRequest big = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsServer.getLocalPort() + "/x"))
                    .timeout(Duration.ofMillis(800)).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[32 << 20])).build();
            long t0 = System.nanoTime();
            assertThrows(HttpTimeoutException.class, () -> tlsClient.send(big));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            over.countDown();
            assertTrue(ms >= 750 && ms < 3_000, ms + " ms");
            // the deadline thread was not held up by the stuck TLS writer: it still runs other deadlines
            java.util.concurrent.ScheduledFuture<Boolean> next = DEADLINES.schedule(() -> true, 1, TimeUnit.MILLISECONDS);
            assertTrue(next.get(2, TimeUnit.SECONDS));
            assertArrayEquals(new int[] {0, 0}, tlsClient.connections());
        }
    }

    @Test
    void refusesAnUpstreamWhoseCertificateNamesAnotherHost(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.security.KeyStore ks = keyStore(dir, "dns:other.example");
        try (ServerSocket tlsServer = tls(ks, true).getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress())) {
            serveTls(tlsServer);
            Http1Client tlsClient = new Http1Client(new ClientProfile(Duration.ofSeconds(2), ""), DEADLINES, tls(ks, false).getSocketFactory());
            HttpRequest r = HttpRequest.newBuilder(URI.create("https://localhost:" + tlsServer.getLocalPort() + "/x"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> tlsClient.send(r));
            assertArrayEquals(new int[] {0, 0}, tlsClient.connections());
        }
    }

    @Test
    void theBodyOfABuiltRequestIsReadWhole() throws IOException {
        byte[] big = new byte[300_000];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpRequest r = HttpRequest.newBuilder(uri("/x")).POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
        assertArrayEquals(big, Http1Request.bodyOf(r));
        assertEquals(0, Http1Request.bodyOf(HttpRequest.newBuilder(uri("/x")).GET().build()).length);
    }
}
