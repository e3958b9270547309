package io.gptload.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.Flow;

/** How {@link Http1Client} puts a {@link HttpRequest} on the wire: its head and its body bytes. */
final class Http1Request {

    private static final Set<String> NO_LENGTH_METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");
    private static final String USER_AGENT = "Java-http-client/" + System.getProperty("java.version");

    private Http1Request() {
    }

    /** True when sending the request twice cannot run it twice (idempotent, or an Idempotency-Key). */
    static boolean resendable(HttpRequest request) {
        return IDEMPOTENT.contains(request.method()) || request.headers().firstValue("Idempotency-Key").isPresent();
    }

    /** Request line, Host, the request's headers, a default User-Agent, Content-Length. */
    static byte[] head(HttpRequest request, Http1Origin origin, int bodyLength) {
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder sb = new StringBuilder(512).append(request.method()).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        sb.append(" HTTP/1.1\r\nHost: ").append(origin.authority()).append("\r\n");
        request.headers().map().forEach((name, values) -> {
            for (String v : values) {
                sb.append(name).append(": ").append(v).append("\r\n");
            }
        });
        if (request.headers().firstValue("User-Agent").isEmpty()) {
            sb.append("User-Agent: ").append(USER_AGENT).append("\r\n"); // what the JDK client sent before
        }
        if (bodyLength > 0 || !NO_LENGTH_METHODS.contains(request.method())) {
            sb.append("Content-Length: ").append(bodyLength).append("\r\n");
        }
        return Http1Connection.ascii(sb.append("\r\n").toString());
    }

    /** The request's body: the proxy always builds it from bytes it holds, so this never waits. */
    static byte[] bodyOf(HttpRequest request) throws IOException {
        if (request.bodyPublisher().isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                (int) Math.max(0, Math.min(1 << 20, request.bodyPublisher().get().contentLength())));
        Throwable[] failed = {null};
        boolean[] done = {false};
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable t) {
                failed[0] = t;
            }

            @Override
            public void onComplete() {
                done[0] = true;
            }
        });
        if (failed[0] != null) {
            throw new IOException("request body could not be read", failed[0]);
        }
        if (!done[0]) {
            throw new IOException("request body is not available at once");
        }
        return out.toByteArray();
    }

}
