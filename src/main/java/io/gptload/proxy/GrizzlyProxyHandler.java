package io.gptload.proxy;

import io.gptload.shared.http.AccessLogLine;
import io.gptload.shared.http.CorsPolicy;
import io.gptload.shared.http.SecurityHeaders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code /proxy/...} served from the HTTP listener: what the servlet filters do on every other
 * route (security headers, CORS, the access log, 404 for {@code /proxy} without a group), then the
 * request goes to the gate with a {@link GrizzlyReply}. The response stays suspended until the
 * reply ends it. On a relay virtual thread (where {@link GrizzlyProxyRouter} sends it) the whole
 * exchange runs in this call; on a listener's worker thread the gate hands it to one.
 */
final class GrizzlyProxyHandler extends HttpHandler {

    private static final Logger ACCESS = Logger.getLogger(AccessLogLine.LOGGER);
    private static final Logger LOG = Logger.getLogger("io.gptload.proxy");
    private static final byte[] NOT_FOUND = "{\"error\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INTERNAL_ERROR = "{\"error\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8);

    private final ProxyFrontDoor.GateEntry gate;
    private final CorsPolicy cors;

    GrizzlyProxyHandler(ProxyFrontDoor.GateEntry gate, CorsPolicy cors) {
        super("gpt-load-proxy");
        this.gate = gate;
        this.cors = cors;
    }

    @Override
    public void service(Request req, Response res) {
        long start = System.nanoTime();
        String method = req.getMethod().getMethodString();
        String rawPath = req.getRequestURI();
        String rawQuery = req.getQueryString();
        Map<String, String> base = SecurityHeaders.ALL;
        if (cors.enabled()) {
            Map<String, String> corsHeaders = cors.headersFor(req.getHeader("Origin"));
            if (!corsHeaders.isEmpty()) {
                base = new LinkedHashMap<>(SecurityHeaders.ALL);
                base.putAll(corsHeaders);
            }
        }
        // the request and response are recycled once resumed: the log line uses what was read here
        GrizzlyReply reply = new GrizzlyReply(req, res, base, status ->
                AccessLogLine.log(ACCESS, method, rawPath, rawQuery, status, start));
        if (cors.shortCircuits(method)) {
            reply.send(new Reply(204, List.of(), new byte[0]));
            return;
        }
        String group = groupSegment(rawPath);
        if (group == null) {
            reply.send(Reply.json(404, NOT_FOUND));
            return;
        }
        res.suspend();
        try {
            gate.handle(new ClientCall(method, group, rawPath, rawQuery, headers(req), req.getRemoteAddr(),
                    req::getInputStream), reply, Thread.currentThread().isVirtual());
        } catch (RuntimeException | Error e) {
            // not rethrown: the reply may already have resumed (and so recycled) the response,
            // which Grizzly's own handling of a thrown error would touch again
            LOG.severe("proxy request failed internally: " + io.gptload.shared.Throwables.describe(e));
            reply.send(Reply.json(500, INTERNAL_ERROR));
        }
    }

    /** The group named in {@code /.../proxy/{group}[/...]}, decoded; null when the path names none. */
    static String groupSegment(String rawPath) {
        int at = rawPath.indexOf("/proxy/");
        if (at < 0) {
            return null;
        }
        int from = at + "/proxy/".length();
        int slash = rawPath.indexOf('/', from);
        String raw = slash < 0 ? rawPath.substring(from) : rawPath.substring(from, slash);
        if (raw.isEmpty()) {
            return null;
        }
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // not a valid group name: answered 404 by the gate
        }
    }

    private static Map<String, List<String>> headers(Request req) {
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : req.getHeaderNames()) {
            List<String> values = all.computeIfAbsent(name, n -> new ArrayList<>(1));
            for (String v : req.getHeaders(name)) {
                values.add(v);
            }
        }
        return all;
    }
}
