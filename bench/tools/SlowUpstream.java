import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The benchmark's slow upstream: every POST answers an SSE stream whose first event comes at
 * once and the next ones every {@code gapMs}, {@code events} in all, then {@code [DONE]}.
 * Used for time to first byte and for many long-lived streams, where nginx cannot wait between
 * chunks. Run with {@code java SlowUpstream.java PORT EVENTS GAP_MS}.
 *
 * <p>HTTP/1.1 by hand on blocking sockets, one virtual thread per connection, keep-alive: the
 * response head and the first event leave in one write, so the upstream's own time to first byte
 * stays in the tens of microseconds (the JDK's HttpServer took ~0.7 ms, and ~16 ms with 32 streams
 * opening at once, more than what the benchmark measures).
 */
public final class SlowUpstream {

    private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int events = Integer.parseInt(args[1]);
        long gapMs = Long.parseLong(args[2]);
        try (ServerSocket server = new ServerSocket(port, 4096, InetAddress.getByName("127.0.0.1"))) {
            System.out.println("slow upstream on 127.0.0.1:" + port);
            while (true) {
                Socket s = server.accept();
                Thread.startVirtualThread(() -> serve(s, events, gapMs));
            }
        }
    }

    private static void serve(Socket s, int events, long gapMs) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
            OutputStream out = s.getOutputStream();
            while (readRequest(in)) {
                for (int i = 0; i < events; i++) {
                    byte[] chunk = chunk("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","
                            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok" + i + "\"}}]}\n\n");
                    if (i == 0) {
                        byte[] first = new byte[HEAD.length + chunk.length];
                        System.arraycopy(HEAD, 0, first, 0, HEAD.length);
                        System.arraycopy(chunk, 0, first, HEAD.length, chunk.length);
                        out.write(first);
                    } else {
                        Thread.sleep(gapMs);
                        out.write(chunk);
                    }
                    out.flush();
                }
                byte[] done = chunk("data: [DONE]\n\n");
                byte[] last = new byte[done.length + 5];
                System.arraycopy(done, 0, last, 0, done.length);
                System.arraycopy("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0, last, done.length, 5);
                out.write(last);
                out.flush();
            }
        } catch (IOException | InterruptedException clientGone) {
            // the client left (the TTFB run drops every stream after its first byte)
        }
    }

    /** Reads one request (head and a Content-Length body); false at the end of the connection. */
    private static boolean readRequest(InputStream in) throws IOException {
        long length = 0;
        String line = line(in);
        if (line == null) {
            return false;
        }
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        if (line == null) {
            return false;
        }
        for (long left = length; left > 0; left--) {
            if (in.read() < 0) {
                return false;
            }
        }
        return true;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                return null;
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private static byte[] chunk(String data) {
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        byte[] size = (Integer.toHexString(payload.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[size.length + payload.length + 2];
        System.arraycopy(size, 0, out, 0, size.length);
        System.arraycopy(payload, 0, out, size.length, payload.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }
}
