package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseRelayTest {

    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();
    private final ProxyMetrics metrics = new ProxyMetrics();
    private final List<ResponseRelay.Result> ends = new ArrayList<>();

    @AfterEach
    void stop() {
        deadlines.shutdownNow();
    }

    @Test
    void aClientGoneBeforeTheStreamOpensEndsTheRelayOnceAndClosesTheUpstream() throws IOException {
        TrackedBody body = new TrackedBody("data: {\"i\":0}\n\n");
        ResponseRelay relay = relay(body, true);
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("broken pipe");
            }
        };

        relay.write(gone); // the container is not handed the client's failure

        assertEquals(List.of(new ResponseRelay.Result(true, "client closed the connection")), ends);
        assertTrue(body.closed.get(), "the upstream stream is closed, which cancels the upstream request");
        assertEquals(0, metrics.openStreams());
    }

    @Test
    void aStreamIsRelayedWholeAfterItsHeadersWereFlushed() throws IOException {
        TrackedBody body = new TrackedBody("data: {\"i\":0}\n\ndata: [DONE]\n\n");
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        List<Integer> sizeAtFlush = new ArrayList<>();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                client.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                client.write(b, off, len);
            }

            @Override
            public void flush() {
                sizeAtFlush.add(client.size());
            }
        };

        relay(body, true).write(out);

        assertEquals(0, sizeAtFlush.get(0), "status and headers are flushed before the first byte");
        assertArrayEquals(body.bytes, client.toByteArray());
        assertEquals(1, ends.size());
        assertNull(ends.get(0).error());
        assertTrue(body.closed.get());
    }

    @Test
    void aBodyOfDeclaredLengthIsRelayedWholeWhateverTheLengthSays() throws IOException {
        String json = "{\"id\":\"chatcmpl-1\",\"choices\":[]}";
        for (String length : List.of(Integer.toString(json.length()), "3", "0", "99999", "not a number")) {
            ends.clear();
            TrackedBody body = new TrackedBody(json);
            ByteArrayOutputStream client = new ByteArrayOutputStream();

            relay(body, false, Map.of("Content-Type", List.of("application/json"),
                    "Content-Length", List.of(length))).write(client);

            assertArrayEquals(body.bytes, client.toByteArray(), "Content-Length " + length);
            assertEquals(1, ends.size());
            assertNull(ends.get(0).error());
        }
    }

    private ResponseRelay relay(TrackedBody body, boolean stream) {
        return relay(body, stream, Map.of("Content-Type", List.of("text/event-stream")));
    }

    private ResponseRelay relay(TrackedBody body, boolean stream, Map<String, List<String>> headers) {
        return new ResponseRelay(new FakeResponse(body, headers), stream, deadlines, Duration.ofSeconds(30),
                new ResponseRelay.Hooks(() -> { }, metrics, ends::add));
    }

    private static final class TrackedBody extends ByteArrayInputStream {
        final byte[] bytes;
        final AtomicBoolean closed = new AtomicBoolean();

        TrackedBody(String text) {
            this(text.getBytes(StandardCharsets.UTF_8));
        }

        private TrackedBody(byte[] bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        @Override
        public void close() throws IOException {
            closed.set(true);
            super.close();
        }
    }

    private record FakeResponse(InputStream body, Map<String, List<String>> head) implements HttpResponse<InputStream> {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://upstream.test/v1/chat/completions")).build();
        }

        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(head, (a, b) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request().uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
