import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 by hand for the benchmark's timing modes: one POST written in a single system call, the
 * answer read straight off the socket. No client library between the clock and the bytes, so the
 * figures carry as little of the measuring JVM as possible (the JDK client added ~0.4 ms at p50 and
 * several ms at p99 on its own, direct included). Not thread-safe: one connection per thread.
 */
final class RawHttpClient implements AutoCloseable {

    private final URI uri;
    private final byte[] request;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttpClient(URI uri, byte[] body, String bearer) {
        this.uri = uri;
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] head = ("POST " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
    }

    /** Opens the connection if there is none (not timed by the callers). */
    void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }
    }

    /** Sends the request; the caller starts its clock just before. */
    void send() throws IOException {
        out.write(request);
        out.flush();
    }

    /** Reads the status line and headers; returns the status, leaves the body unread. */
    Head readHead() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h; !(h = line()).isEmpty(); ) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        return new Head(code, length, chunked, close);
    }

    /** Reads the whole body of {@code head}; closes the connection when the server asked to. */
    void readBody(Head head) throws IOException {
        if (head.chunked()) {
            for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (head.length() >= 0) {
            skip(head.length());
        } else {
            while (in.read() >= 0) {
                // body until the server closes
            }
            head = new Head(head.status(), 0, false, true);
        }
        if (head.close()) {
            close();
        }
    }

    /** Waits for the first byte of the body's content (for a chunked body, of its first chunk). */
    int firstBodyByte(Head head) throws IOException {
        if (head.chunked()) {
            line();
        }
        return in.read();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private void skip(long n) throws IOException {
        for (long left = n; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed inside a head");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    record Head(int status, long length, boolean chunked, boolean close) {
    }
}
