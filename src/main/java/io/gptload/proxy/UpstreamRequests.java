package io.gptload.proxy;

import io.gptload.channel.UpstreamCall;
import io.gptload.group.HeaderRule;
import io.gptload.group.HeaderRules;
import io.gptload.group.HeaderSink;
import io.gptload.group.HeaderVariables;
import io.gptload.upstream.HeaderFilter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the upstream {@link HttpRequest} of one attempt (spec §2.3 steps 5–9). */
final class UpstreamRequests {

    private UpstreamRequests() {
    }

    static HttpRequest build(InboundRequest in, UpstreamCall call, List<HeaderRule> rules,
                             HeaderVariables vars, boolean stream, boolean dropAcceptEncoding,
                             Duration headerTimeout) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        in.headers().forEach((name, values) -> {
            if (HeaderFilter.forwardUpstream(name)) {
                headers.put(name, new ArrayList<>(values));
            }
        });
        List<String> accepted = headers.remove("Accept-Encoding");
        if (!dropAcceptEncoding && accepted != null) {
            String narrowed = AcceptEncoding.narrowed(String.join(", ", accepted));
            if (narrowed != null) {
                headers.put("Accept-Encoding", new ArrayList<>(List.of(narrowed)));
            }
        }
        for (Map.Entry<String, String> h : call.headers()) {
            headers.put(h.getKey(), new ArrayList<>(List.of(h.getValue())));
        }
        HeaderRules.apply(rules, new HeaderSink() {
            @Override
            public void set(String name, String value) {
                headers.put(name, new ArrayList<>(List.of(value)));
            }

            @Override
            public void remove(String name) {
                headers.remove(name);
            }
        }, vars);
        if (stream) {
            headers.put("X-Accel-Buffering", new ArrayList<>(List.of("no")));
        }
        String method = in.method();
        byte[] body = call.body();
        HttpRequest.BodyPublisher publisher = body.length == 0 && ("GET".equals(method) || "HEAD".equals(method))
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).method(method, publisher).timeout(headerTimeout);
        if ("http".equalsIgnoreCase(call.uri().getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach((name, values) -> {
            if (HeaderFilter.sendable(name)) {
                for (String v : values) {
                    try {
                        b.header(name, v);
                    } catch (IllegalArgumentException notSendable) {
                        // a client header the HTTP client refuses (name or value): not forwarded
                    }
                }
            }
        });
        return b.build();
    }
}
