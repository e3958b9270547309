package io.gptload.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A response body read straight from its connection: fixed length, chunked, or up to the close.
 * At its end the connection goes back to the pool when it can carry another request; closed
 * before its end (by the reader or by a deadline on another thread), it closes the connection.
 */
final class Http1Body extends InputStream {

    enum Framing { EMPTY, LENGTH, CHUNKED, UNTIL_CLOSE }

    private static final int OPEN = 0;
    private static final int DONE = 1;
    private static final int CLOSED = 2;

    private final Http1Connection conn;
    private final Framing framing;
    private final boolean reusable;
    private final Release release;
    private final AtomicInteger state = new AtomicInteger(OPEN);
    /** Bytes left in the body (LENGTH) or in the current chunk (CHUNKED, -1 before the first). */
    private long left;
    private boolean lastChunk;

    Http1Body(Http1Connection conn, Framing framing, long length, boolean reusable,
              Release release) {
        this.conn = conn;
        this.framing = framing;
        this.reusable = reusable && framing != Framing.UNTIL_CLOSE;
        this.release = release;
        this.left = framing == Framing.CHUNKED ? -1 : length;
        if (framing == Framing.EMPTY || (framing == Framing.LENGTH && length == 0)) {
            finish();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int s = state.get();
        if (s == DONE) {
            return -1;
        }
        if (s == CLOSED) {
            throw new IOException("upstream body closed");
        }
        try {
            return switch (framing) {
                case EMPTY -> -1;
                case LENGTH -> readLength(b, off, len);
                case CHUNKED -> readChunked(b, off, len);
                case UNTIL_CLOSE -> readUntilClose(b, off, len);
            };
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    private int readLength(byte[] b, int off, int len) throws IOException {
        if (conn.buffered() == 0) {
            conn.fill();
        }
        int n = conn.take(b, off, (int) Math.min(len, left));
        left -= n;
        if (left == 0) {
            finish();
        }
        return n;
    }

    private int readChunked(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
            if (left == 0) {
                expectCrlf();
            }
            left = chunkSize(conn.framingLine());
            if (left == 0) {
                while (!conn.framingLine().isEmpty()) {
                    // trailers are not relayed
                }
                lastChunk = true;
                finish();
                return -1;
            }
        }
        if (conn.buffered() == 0) {
            conn.fill();
        }
        int n = conn.take(b, off, (int) Math.min(len, left));
        left -= n;
        return n;
    }

    private void expectCrlf() throws IOException {
        if (!conn.framingLine().isEmpty()) {
            throw new IOException("malformed chunked upstream body");
        }
    }

    private static long chunkSize(String line) throws IOException {
        int semi = line.indexOf(';');
        String hex = (semi >= 0 ? line.substring(0, semi) : line).strip();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0 || hex.isEmpty()) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunked upstream body");
        }
    }

    private int readUntilClose(byte[] b, int off, int len) throws IOException {
        if (conn.buffered() == 0 && !conn.fillOrEof()) {
            finish();
            return -1;
        }
        return conn.take(b, off, len);
    }

    /** What can be read without blocking: buffered bytes of the current chunk or body. */
    @Override
    public int available() {
        if (state.get() != OPEN) {
            return 0;
        }
        long buffered = conn.buffered();
        return switch (framing) {
            case EMPTY -> 0;
            case LENGTH, CHUNKED -> (int) Math.min(buffered, Math.max(0, left));
            case UNTIL_CLOSE -> (int) buffered;
        };
    }

    private void finish() {
        if (state.compareAndSet(OPEN, DONE)) {
            if (reusable && (framing != Framing.CHUNKED || lastChunk) && conn.buffered() == 0) {
                release.release(conn, true);
            } else {
                conn.close();
                release.release(conn, false);
            }
        }
    }

    private void abort() {
        if (state.compareAndSet(OPEN, CLOSED)) {
            conn.close();
            release.release(conn, false);
        }
    }

    /** Before the end: the connection is closed (an upstream stream is cancelled this way). */
    @Override
    public void close() {
        abort();
    }

    /** For tests and callers that must know a body was read to its end. */
    boolean ended() {
        return state.get() == DONE;
    }

    /** Where a connection goes when its body is done with it. */
    @FunctionalInterface
    interface Release {
        void release(Http1Connection conn, boolean reusable);
    }
}
