package io.gptload.proxy;

import io.gptload.auth.PresentedKey;
import io.gptload.auth.ProxyKeyCheck;
import io.gptload.channel.ChannelAdapter;
import io.gptload.channel.ChannelAdapters;
import io.gptload.channel.ChannelType;
import io.gptload.channel.ClientRequest;
import io.gptload.group.GroupSnapshot;
import io.gptload.group.IntegrationDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Everything before the first attempt (spec §2.1–2.2): concurrency limit, path checks, group
 * lookup, proxy-key authentication and the bounded body read. Accepted requests continue on a
 * virtual thread as a {@link ProxyExchange}. The one path that is not proxied,
 * {@code /proxy/{group}/api/integration/info}, is answered first, without proxy authentication.
 */
@ApplicationScoped
public class ProxyGate {

    private ProxyEngine engine;
    private IntegrationDirectory integration;

    protected ProxyGate() {
        // for CDI proxies
    }

    @Inject
    public ProxyGate(ProxyEngine engine, IntegrationDirectory integration) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.integration = Objects.requireNonNull(integration, "integration");
    }

    void handle(String method, String groupName, UriInfo uri, HttpHeaders headers, HttpServletRequest req,
                AsyncResponse async) {
        long startNanos = System.nanoTime();
        String rawPath = uri.getRequestUri().getRawPath();
        String suffix = suffixAfterGroup(rawPath);
        if (suffix.equals(IntegrationInfoAnswer.SUFFIX)) {
            async.resume(IntegrationInfoAnswer.render(integration, groupName, uri.getRequestUri().getRawQuery()));
            return;
        }
        ChannelAdapter guessed = ChannelAdapters.of(ChannelType.guessFromPath(suffix));
        switch (engine.limiter().tryEnter()) {
            case BUSY -> {
                async.resume(GatewayError.busy().render(guessed));
                return;
            }
            case CLOSED -> {
                async.resume(GatewayError.shuttingDown().render(guessed));
                return;
            }
            case ADMITTED -> {
                // continue below, holding the permit
            }
        }
        boolean handedOver = false;
        try {
            if (!PathGuard.safe(suffix)) {
                async.resume(GatewayError.badPath().render(guessed));
                return;
            }
            Optional<GroupSnapshot> group = PathGuard.validGroupName(groupName)
                    ? engine.catalog().byName(groupName) : Optional.empty();
            if (group.isEmpty()) {
                async.resume(GatewayError.groupNotFound(groupName).render(guessed));
                return;
            }
            GroupSnapshot g = group.get();
            Function<String, String> header = headers::getHeaderString;
            PresentedKey presented = PresentedKey.from(uri.getRequestUri().getRawQuery(), header);
            if (!ProxyKeyCheck.allowed(presented.key(), engine.catalog().globalProxyKeys(), g.proxyKeys())) {
                async.resume(GatewayError.unauthorized().render(g.adapter()));
                engine.metrics().group(g.name()).request(401);
                return;
            }
            byte[] bytes = BoundedBody.read(req.getInputStream(), engine.maxBodyBytes(),
                    headers.getHeaderString("Content-Length"));
            if (bytes == null) {
                async.resume(GatewayError.tooLarge(engine.maxBodyBytes()).render(g.adapter()));
                engine.metrics().group(g.name()).request(413);
                return;
            }
            String query = presented.remainingQuery();
            // a snapshot: the relay runs on another thread, where the JAX-RS runtime's request
            // objects may no longer answer (RESTEasy's injected HttpHeaders are thread-bound)
            Map<String, List<String>> all = copy(headers.getRequestHeaders());
            InboundRequest in = new InboundRequest(
                    new ClientRequest(method, suffix, query, headerString(all), bytes),
                    all,
                    engine.clientIp().resolve(req.getRemoteAddr(), header),
                    rawPath + (query.isEmpty() ? "" : "?" + query),
                    headers.getHeaderString("User-Agent"));
            ProxyExchange exchange = new ProxyExchange(engine, g, in, startNanos);
            engine.clients().relay().execute(() -> {
                try {
                    exchange.run(async);
                } finally {
                    engine.limiter().release();
                }
            });
            handedOver = true;
        } catch (IOException e) {
            async.resume(new GatewayError(400, "BAD_REQUEST", "Could not read the request body").render(guessed));
        } catch (RejectedExecutionException e) {
            async.resume(GatewayError.busy().render(guessed));
        } finally {
            if (!handedOver) {
                engine.limiter().release();
            }
        }
    }

    /** The raw path after {@code /proxy/{group}} (whatever the group segment's encoding), at least "/". */
    static String suffixAfterGroup(String rawPath) {
        int proxy = rawPath.indexOf("/proxy/");
        int groupStart = proxy < 0 ? -1 : proxy + "/proxy/".length();
        int slash = groupStart < 0 ? -1 : rawPath.indexOf('/', groupStart);
        return slash < 0 ? "/" : rawPath.substring(slash);
    }

    /** {@link HttpHeaders#getHeaderString} over a snapshot: the values joined by commas, null when absent. */
    static Function<String, String> headerString(Map<String, List<String>> headers) {
        return name -> {
            List<String> values = headers.get(name);
            if (values == null) {
                return null;
            }
            return values.size() == 1 ? values.get(0) : String.join(",", values);
        };
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> in) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
