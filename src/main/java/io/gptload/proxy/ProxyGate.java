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
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Everything before the first attempt (spec §2.1–2.2): concurrency limit, path checks, group
 * lookup, proxy-key authentication and the bounded body read. Accepted requests continue on a
 * virtual thread as a {@link ProxyExchange} (the caller's own, when it is one of the relay's). The
 * one path that is not proxied, {@code /proxy/{group}/api/integration/info}, is answered first,
 * without proxy authentication.
 */
@ApplicationScoped
public class ProxyGate {

    private ProxyEngine proxiedEngine;
    private IntegrationDirectory integration;
    private volatile ProxyEngine direct;

    protected ProxyGate() {
        // for CDI proxies
    }

    @Inject
    public ProxyGate(ProxyEngine engine, IntegrationDirectory integration) {
        this.proxiedEngine = Objects.requireNonNull(engine, "engine");
        this.integration = Objects.requireNonNull(integration, "integration");
    }

    /** Takes one request from a front door; the answer goes to {@code reply}, at once or from the relay. */
    void handle(ClientCall call, ClientReply reply) {
        handle(call, reply, false);
    }

    /**
     * As {@link #handle(ClientCall, ClientReply)}; with {@code inline} the exchange runs in the
     * caller's thread, which must be one that may block for the whole exchange (a virtual thread
     * of the relay's executor), instead of continuing on a new one.
     */
    void handle(ClientCall call, ClientReply reply, boolean inline) {
        long startNanos = System.nanoTime();
        ProxyEngine engine = engine();
        String suffix = suffixAfterGroup(call.rawPath());
        if (suffix.equals(IntegrationInfoAnswer.SUFFIX)) {
            reply.send(IntegrationInfoAnswer.render(integration, call.groupName(), call.rawQuery()));
            return;
        }
        ChannelAdapter guessed = ChannelAdapters.of(ChannelType.guessFromPath(suffix));
        switch (engine.limiter().tryEnter()) {
            case BUSY -> {
                reply.send(GatewayError.busy().render(guessed));
                return;
            }
            case CLOSED -> {
                reply.send(GatewayError.shuttingDown().render(guessed));
                return;
            }
            case ADMITTED -> {
                // continue below, holding the permit
            }
        }
        boolean handedOver = false;
        try {
            if (!PathGuard.safe(suffix)) {
                reply.send(GatewayError.badPath().render(guessed));
                return;
            }
            String groupName = call.groupName();
            Optional<GroupSnapshot> group = PathGuard.validGroupName(groupName)
                    ? engine.catalog().byName(groupName) : Optional.empty();
            if (group.isEmpty()) {
                reply.send(GatewayError.groupNotFound(groupName).render(guessed));
                return;
            }
            GroupSnapshot g = group.get();
            Function<String, String> header = headerString(call.headers());
            PresentedKey presented = PresentedKey.from(call.rawQuery(), header);
            if (!ProxyKeyCheck.allowed(presented.key(), engine.catalog().globalProxyKeys(), g.proxyKeys())) {
                reply.send(GatewayError.unauthorized().render(g.adapter()));
                engine.metrics().group(g.name()).request(401);
                return;
            }
            byte[] bytes = BoundedBody.read(call.body().open(), engine.maxBodyBytes(),
                    header.apply("Transfer-Encoding") == null ? header.apply("Content-Length") : null);
            if (bytes == null) {
                reply.send(GatewayError.tooLarge(engine.maxBodyBytes()).render(g.adapter()));
                engine.metrics().group(g.name()).request(413);
                return;
            }
            String query = presented.remainingQuery();
            InboundRequest in = new InboundRequest(
                    new ClientRequest(call.method(), suffix, query, header, bytes),
                    call.headers(),
                    engine.clientIp().resolve(call.remoteAddr(), header),
                    call.rawPath() + (query.isEmpty() ? "" : "?" + query),
                    header.apply("User-Agent"));
            ProxyExchange exchange = new ProxyExchange(engine, g, in, startNanos);
            Runnable run = () -> {
                try {
                    exchange.run(reply);
                } finally {
                    engine.limiter().release();
                }
            };
            if (inline) {
                handedOver = true;
                run.run();
            } else {
                engine.clients().relay().execute(run);
                handedOver = true;
            }
        } catch (IOException e) {
            reply.send(new GatewayError(400, "BAD_REQUEST", "Could not read the request body").render(guessed));
        } catch (RejectedExecutionException e) {
            reply.send(GatewayError.busy().render(guessed));
        } finally {
            if (!handedOver) {
                engine.limiter().release();
            }
        }
    }

    /** The virtual threads proxied requests run on. */
    Executor relayThreads() {
        return engine().clients().relay();
    }

    /** The engine and its collaborators past their client proxies, resolved on the first request. */
    private ProxyEngine engine() {
        ProxyEngine e = direct;
        if (e == null) {
            e = DirectBeans.of(proxiedEngine, ProxyEngine.class).direct();
            direct = e;
        }
        return e;
    }

    /** The raw path after {@code /proxy/{group}} (whatever the group segment's encoding), at least "/". */
    static String suffixAfterGroup(String rawPath) {
        int proxy = rawPath.indexOf("/proxy/");
        int groupStart = proxy < 0 ? -1 : proxy + "/proxy/".length();
        int slash = groupStart < 0 ? -1 : rawPath.indexOf('/', groupStart);
        return slash < 0 ? "/" : rawPath.substring(slash);
    }

    /** JAX-RS's {@code HttpHeaders.getHeaderString} over a snapshot: the values joined by commas, null when absent. */
    static Function<String, String> headerString(Map<String, List<String>> headers) {
        return name -> {
            List<String> values = headers.get(name);
            if (values == null) {
                return null;
            }
            return values.size() == 1 ? values.get(0) : String.join(",", values);
        };
    }
}
