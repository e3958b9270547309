package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.junit.jupiter.api.Test;

class GrizzlyRequestBodyTest {

    /** Grizzly's input as the body reader sees it: pieces arrive, a handler hears of them. */
    private static final class Arriving extends NIOInputStream {
        private final Deque<Byte> ready = new ArrayDeque<>();
        private boolean finished;
        private ReadHandler handler;
        int waits;

        synchronized void arrive(String text, boolean last) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                ready.add(b);
            }
            finished = last;
            notifyHandler(h -> {
                try {
                    if (last) {
                        h.onAllDataRead();
                    } else {
                        h.onDataAvailable();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        synchronized void fail(Throwable t) {
            notifyHandler(h -> h.onError(t));
        }

        private void notifyHandler(java.util.function.Consumer<ReadHandler> call) {
            ReadHandler h = handler;
            handler = null;
            if (h != null) {
                call.accept(h);
            }
        }

        /** As Grizzly's: told at once when something is there already, else when it arrives. */
        @Override
        public synchronized void notifyAvailable(ReadHandler h) {
            if (handler != null) {
                throw new IllegalStateException("a handler is already waiting");
            }
            waits++;
            try {
                if (finished && ready.isEmpty()) {
                    h.onAllDataRead();
                } else if (!ready.isEmpty()) {
                    h.onDataAvailable();
                } else {
                    handler = h;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void notifyAvailable(ReadHandler h, int size) {
            notifyAvailable(h);
        }

        @Override
        public synchronized boolean isFinished() {
            return finished && ready.isEmpty();
        }

        @Override
        public synchronized int readyData() {
            return ready.size();
        }

        @Override
        public synchronized boolean isReady() {
            return !ready.isEmpty();
        }

        @Override
        public synchronized int read() {
            throw new AssertionError("a blocking read");
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            if (ready.isEmpty()) {
                throw new AssertionError("a blocking read: nothing was ready");
            }
            int n = 0;
            while (n < len && !ready.isEmpty()) {
                b[off + n++] = ready.poll();
            }
            return n;
        }

        @Override
        public Buffer getBuffer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Buffer readBuffer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Buffer readBuffer(int size) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aBodyThatHasArrivedIsReadWithoutWaiting() throws IOException {
        Arriving in = new Arriving();
        in.arrive("{\"model\":\"m\"}", true);
        byte[] body = new GrizzlyRequestBody(in, Duration.ofSeconds(5)).readAllBytes();
        assertEquals("{\"model\":\"m\"}", new String(body, StandardCharsets.UTF_8));
        assertEquals(0, in.waits);
    }

    @Test
    void aBodyArrivingInPiecesIsWaitedForByNoticeNotByABlockingRead() throws Exception {
        Arriving in = new Arriving();
        in.arrive("first ", false);
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(150);
                in.arrive("second ", false);
                Thread.sleep(150);
                in.arrive("third", true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        byte[] body = new GrizzlyRequestBody(in, Duration.ofSeconds(10)).readAllBytes();
        sender.join();
        assertArrayEquals("first second third".getBytes(StandardCharsets.UTF_8), body);
        assertTrue(in.waits >= 2, "waited for each later piece: " + in.waits);
    }

    @Test
    void aBodyThatStopsArrivingEndsWithAnErrorAfterThePatience() {
        Arriving in = new Arriving();
        in.arrive("{\"model\":", false);
        GrizzlyRequestBody body = new GrizzlyRequestBody(in, Duration.ofMillis(200));
        IOException e = assertThrows(IOException.class, body::readAllBytes);
        assertTrue(e.getMessage().contains("stopped arriving"), e.getMessage());
    }

    @Test
    void aBrokenConnectionEndsTheReadWithAnError() throws Exception {
        Arriving in = new Arriving();
        Thread breaker = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
                in.fail(new IOException("connection reset"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        IOException e = assertThrows(IOException.class,
                () -> new GrizzlyRequestBody(in, Duration.ofSeconds(10)).readAllBytes());
        breaker.join();
        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
    }

    @Test
    void anEmptyBodyEndsAtOnce() throws IOException {
        Arriving in = new Arriving();
        in.arrive("", true);
        assertEquals(-1, new GrizzlyRequestBody(in, Duration.ofSeconds(5)).read());
    }
}
