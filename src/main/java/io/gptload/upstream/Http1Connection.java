package io.gptload.upstream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection to an upstream origin, used by one request at a time on the caller's
 * (virtual) thread with blocking I/O. Reads through its own buffer, which the response body
 * ({@link Http1Body}) shares. {@link #close()} closes the TCP channel itself, from any thread: a
 * blocked read or write (TLS included, whose close would wait for a stuck writer) fails at once.
 */
final class Http1Connection implements java.io.Closeable {

    static final int MAX_HEAD = 64 * 1024;
    private static final String HEAD_TOO_LARGE = "upstream response head too large";
    private static final int BUFFER = 16 * 1024;

    final Http1Origin origin;
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private volatile long idleSince;
    /** How long the upstream said it keeps an idle connection ({@code Keep-Alive: timeout=}), less a second. */
    private volatile long keepAliveNanos = Long.MAX_VALUE;
    private boolean used;

    private Http1Connection(Http1Origin origin, SocketChannel channel, Socket socket) throws IOException {
        this.origin = origin;
        this.channel = channel;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a connection (TCP, then TLS for https) within {@code connectTimeoutMillis}; the
     * channel is handed to {@code watch} first, so the request's deadline can cut the connect too.
     */
    static Http1Connection open(Http1Origin origin, int connectTimeoutMillis, SSLSocketFactory tls, Watch watch)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            watch.target(channel);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            Socket raw = channel.socket();
            try {
                raw.connect(new InetSocketAddress(origin.host(), origin.port()), connectTimeoutMillis);
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("HTTP connect timed out");
            }
            if (!origin.tls()) {
                return new Http1Connection(origin, channel, raw);
            }
            SSLSocket s = (SSLSocket) tls.createSocket(raw, origin.host(), origin.port(), true);
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            p.setApplicationProtocols(new String[] {"http/1.1"});
            if (!origin.ipLiteral()) {
                try {
                    p.setServerNames(List.of(new SNIHostName(origin.host())));
                } catch (IllegalArgumentException notAnSniName) {
                    // e.g. a trailing dot or an underscore: no SNI, the certificate check still applies
                }
            }
            s.setSSLParameters(p);
            s.setSoTimeout(connectTimeoutMillis);
            try {
                s.startHandshake();
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("TLS handshake timed out");
            }
            s.setSoTimeout(0);
            return new Http1Connection(origin, channel, s);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * For a connection that sat idle: true when the upstream has not closed it (nothing to read,
     * no end of stream). Anything readable now (a close, an alert, stray bytes) makes it unusable.
     */
    boolean stillOpen() {
        try {
            channel.configureBlocking(false);
            int n = channel.read(ByteBuffer.allocate(1));
            channel.configureBlocking(true);
            return n == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True once a request went out on this connection: a failure then may just mean it went stale. */
    boolean reused() {
        return used;
    }

    void write(byte[] head, byte[] body) throws IOException {
        used = true;
        if (body.length > 0 && head.length + body.length <= BUFFER) {
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            out.write(all);
        } else {
            out.write(head);
            if (body.length > 0) {
                out.write(body);
            }
        }
        out.flush();
    }

    /** The parsed status line and headers of a response. */
    record Head(int status, boolean http10, HttpHeaders headers) {

        boolean closes() {
            String c = headers.firstValue("Connection").orElse("").toLowerCase(Locale.ROOT);
            return c.contains("close") || (http10 && !c.contains("keep-alive"));
        }
    }

    /**
     * Reads the next response head, skipping 1xx answers; {@code started[0]} turns true with the
     * first byte. The caller's deadline bounds the wait by closing the connection.
     */
    Head readHead(boolean[] started) throws IOException {
        while (true) {
            int budget = MAX_HEAD;
            String status = line(budget, HEAD_TOO_LARGE, started);
            budget -= status.length();
            if (!status.startsWith("HTTP/1.") || status.length() < 12) {
                throw new IOException("malformed upstream status line");
            }
            int code;
            try {
                code = Integer.parseInt(status.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IOException("malformed upstream status line");
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            while (true) {
                String h = line(budget, HEAD_TOO_LARGE, started);
                budget -= h.length() + 2;
                if (h.isEmpty()) {
                    break;
                }
                int colon = h.indexOf(':');
                String name = colon <= 0 ? "" : h.substring(0, colon).strip();
                if (name.isEmpty() || h.charAt(0) == ' ' || h.charAt(0) == '\t') {
                    continue; // obsolete line folding or garbage: ignored, as lenient clients do
                }
                headers.computeIfAbsent(name, k -> new ArrayList<>(1)).add(h.substring(colon + 1).strip());
            }
            if (code >= 100 && code < 200 && code != 101) {
                continue;
            }
            return new Head(code, status.startsWith("HTTP/1.0"), HttpHeaders.of(headers, (a, b) -> true));
        }
    }

    /** One line (CRLF or LF), at most {@code max} characters, else an IOException saying {@code tooLong}. */
    private String line(int max, String tooLong, boolean[] started) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            if (pos == lim) {
                fill();
                started[0] = true;
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= max) {
                throw new IOException(tooLong);
            }
            sb.append((char) (b & 0xff));
        }
    }

    /** Reads more bytes into the (empty) buffer; EOF is an error here. */
    void fill() throws IOException {
        if (!fillOrEof()) {
            throw new EOFException("upstream closed the connection");
        }
    }

    /** Reads more bytes into the (empty) buffer; returns false at EOF. */
    boolean fillOrEof() throws IOException {
        pos = 0;
        lim = 0;
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return false;
        }
        lim = n;
        return true;
    }

    int buffered() {
        return lim - pos;
    }

    /** Copies up to {@code len} buffered bytes into {@code dst}. */
    int take(byte[] dst, int off, int len) {
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, dst, off, n);
        pos += n;
        return n;
    }

    /** A CRLF-terminated line of the body's framing (chunk sizes, trailers). */
    String framingLine() throws IOException {
        return line(4096, "malformed chunked upstream body", new boolean[1]);
    }

    void idle() {
        idleSince = System.nanoTime();
    }

    long idleSince() {
        return idleSince;
    }

    /** The upstream's {@code Keep-Alive: timeout=N}: idle for N - 1 s at most from now on. */
    void keepAliveSeconds(long n) {
        keepAliveNanos = Math.max(0, n - 1) * 1_000_000_000L;
    }

    long keepAliveNanos() {
        return keepAliveNanos;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
