package io.gptload.upstream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
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
 * ({@link Http1Body}) shares.
 */
final class Http1Connection {

    static final int MAX_HEAD = 64 * 1024;
    private static final int BUFFER = 16 * 1024;

    final Http1Origin origin;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private volatile long idleSince;
    private boolean used;

    private Http1Connection(Http1Origin origin, Socket socket) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Opens a connection (TCP, then TLS for https) within {@code connectTimeoutMillis}. */
    static Http1Connection open(Http1Origin origin, int connectTimeoutMillis, SSLSocketFactory tls)
            throws IOException {
        Socket raw = new Socket();
        try {
            raw.setTcpNoDelay(true);
            raw.setKeepAlive(true);
            try {
                raw.connect(new InetSocketAddress(origin.host(), origin.port()), connectTimeoutMillis);
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("HTTP connect timed out");
            }
            if (!origin.tls()) {
                return new Http1Connection(origin, raw);
            }
            SSLSocket s = (SSLSocket) tls.createSocket(raw, origin.host(), origin.port(), true);
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            p.setApplicationProtocols(new String[] {"http/1.1"});
            if (!origin.ipLiteral()) {
                p.setServerNames(List.of(new SNIHostName(origin.host())));
            }
            s.setSSLParameters(p);
            s.setSoTimeout(connectTimeoutMillis);
            try {
                s.startHandshake();
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("TLS handshake timed out");
            }
            s.setSoTimeout(0);
            return new Http1Connection(origin, s);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
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
     * Reads the next response head, skipping 1xx answers. {@code deadlineNanos} bounds the whole
     * wait ({@link HttpTimeoutException} past it); {@code started[0]} turns true with the first byte.
     */
    Head readHead(long deadlineNanos, boolean[] started) throws IOException {
        while (true) {
            int budget = MAX_HEAD;
            String status = line(deadlineNanos, budget, started);
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
                String h = line(deadlineNanos, budget, started);
                budget -= h.length() + 2;
                if (h.isEmpty()) {
                    break;
                }
                int colon = h.indexOf(':');
                if (colon <= 0 || h.charAt(0) == ' ' || h.charAt(0) == '\t') {
                    continue; // obsolete line folding or garbage: ignored, as lenient clients do
                }
                headers.computeIfAbsent(h.substring(0, colon).strip(), k -> new ArrayList<>(1))
                        .add(h.substring(colon + 1).strip());
            }
            if (code >= 100 && code < 200 && code != 101) {
                continue;
            }
            socket.setSoTimeout(0);
            return new Head(code, status.startsWith("HTTP/1.0"), HttpHeaders.of(headers, (a, b) -> true));
        }
    }

    private String line(long deadlineNanos, int budget, boolean[] started) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            if (pos == lim) {
                fill(deadlineNanos);
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
            if (sb.length() >= budget) {
                throw new IOException("upstream response head too large");
            }
            sb.append((char) (b & 0xff));
        }
    }

    private void fill(long deadlineNanos) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException("request timed out");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        try {
            fill();
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("request timed out");
        }
    }

    /** Reads more bytes into the (empty) buffer; EOF is an error here. */
    void fill() throws IOException {
        pos = 0;
        lim = 0;
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            throw new EOFException("upstream closed the connection");
        }
        lim = n;
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
        StringBuilder sb = new StringBuilder(16);
        while (true) {
            if (pos == lim) {
                fill();
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= 4096) {
                throw new IOException("malformed chunked upstream body");
            }
            sb.append((char) (b & 0xff));
        }
    }

    void idle() {
        idleSince = System.nanoTime();
    }

    long idleSince() {
        return idleSince;
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
