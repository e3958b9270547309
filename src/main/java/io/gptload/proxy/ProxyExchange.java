package io.gptload.proxy;

import io.gptload.channel.ModelNotAllowedException;
import io.gptload.channel.UpstreamCall;
import io.gptload.group.GroupSnapshot;
import io.gptload.group.HeaderVariables;
import io.gptload.group.Upstream;
import io.gptload.keypool.PooledKey;
import io.gptload.settings.EffectiveSettings;
import io.gptload.shared.ErrorMessages;
import io.gptload.shared.Redactor;
import io.gptload.shared.json.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * One proxied request: a plain loop over attempts (spec §2.2–2.4), never recursion. Runs on a
 * virtual thread; the client gets its answer through the front door's {@link ClientReply}. It also keeps the
 * request's metrics: the status answered (by the group named in the URL), each upstream wait, and
 * the gateway's own time (start to commit, minus the upstream waits).
 */
final class ProxyExchange {

    private final ProxyEngine engine;
    private final GroupSnapshot entry;
    private final InboundRequest in;
    private final AttemptLog log;
    private final long startNanos;
    private long upstreamNanos;
    private boolean committed;

    ProxyExchange(ProxyEngine engine, GroupSnapshot entry, InboundRequest in, long startNanos) {
        this.engine = engine;
        this.entry = entry;
        this.in = in;
        this.startNanos = startNanos;
        this.log = new AttemptLog(in, engine.events(), engine.metrics());
    }

    /** Hands a complete answer to the client and counts it. */
    private void answer(ClientReply reply, Reply response, int status) {
        commit();
        reply.send(response);
        answered(status);
    }

    /** The answer is about to be written: what the gateway added so far is final. */
    private synchronized void commit() {
        if (!committed) {
            committed = true;
            engine.metrics().added(System.nanoTime() - startNanos - upstreamNanos);
        }
    }

    private void answered(int status) {
        engine.metrics().group(entry.name()).request(status);
    }

    void run(ClientReply reply) {
        try {
            GroupSnapshot group = entry;
            if (entry.aggregate()) {
                Optional<GroupSnapshot> sub = engine.chooseMember(entry);
                if (sub.isEmpty()) {
                    answer(reply, GatewayError.noSubGroups().render(entry.adapter()), 503);
                    return;
                }
                group = sub.get();
                log.parent(entry);
            }
            serve(group, reply);
        } catch (RuntimeException | Error e) {
            engine.logger().warning("proxy request failed internally: " + io.gptload.shared.Throwables.describe(e));
            log.internalFailure(502, "gateway error: " + e.getClass().getSimpleName());
            answer(reply, new GatewayError(502, "UPSTREAM_ERROR", "Gateway error while proxying the request")
                    .render(entry.adapter()), 502);
        }
    }

    private void serve(GroupSnapshot group, ClientReply reply) {
        EffectiveSettings s = group.settings();
        byte[] body = group.paramOverrides().isEmpty() ? in.body()
                : JsonFields.setMembers(in.body(), group.paramOverrides());
        boolean stream = group.adapter().isStream(in.channelView());
        String model = group.adapter().requestedModel(in.channelView(), body);
        log.start(group, model, stream, s.enableRequestBodyLogging() ? body : null);
        boolean modelList = group.adapter().isModelListRequest(in.method(), in.channelView().path());
        int maxRetries = Math.max(0, s.maxRetries());
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= maxRetries;
            Optional<PooledKey> key = engine.keyPool().next(group.id());
            if (key.isEmpty()) {
                log.finalWithoutKey(503, GatewayError.noKeys().message());
                answer(reply, GatewayError.noKeys().render(group.adapter()), 503);
                return;
            }
            if (group.upstreams() == null) {
                answer(reply, new GatewayError(503, "NO_UPSTREAM", "No upstream with a positive weight is configured")
                        .render(group.adapter()), 503);
                return;
            }
            Upstream upstream = group.upstreams().next();
            UpstreamCall call;
            try {
                call = group.adapter().prepare(upstream.url(), in.channelView(), body, key.get().value().value(),
                        group.redirect());
            } catch (ModelNotAllowedException e) {
                log.record(key.get(), 400, e.getMessage(), Attempt.FINAL, upstreamAddr(upstream));
                answer(reply, new GatewayError(400, "BAD_REQUEST", e.getMessage()).render(group.adapter()), 400);
                return;
            }
            Outcome outcome = send(group, key.get(), upstream, call, stream, modelList);
            if (outcome instanceof Outcome.Failed f && f.kind().retry() && !last) {
                log.record(key.get(), f.status(), f.message(), Attempt.RETRY, upstreamAddr(upstream));
                continue;
            }
            respond(group, key.get(), upstream, outcome, stream, reply);
            return;
        }
    }

    private String upstreamAddr(Upstream upstream) {
        String q = in.channelView().rawQuery();
        String base = upstream.url().endsWith("/") ? upstream.url().substring(0, upstream.url().length() - 1)
                : upstream.url();
        return base + in.channelView().path() + (q.isEmpty() ? "" : "?" + q);
    }

    /** The result of sending one attempt. */
    sealed interface Outcome {
        /** The upstream answered with a status that is not a failover status. */
        record Answered(HttpResponse<InputStream> response) implements Outcome {
        }

        /** The attempt failed; {@code body} is the upstream's (redacted) error body when it answered. */
        record Failed(FailureKind kind, int status, String message, HttpResponse<InputStream> response,
                      byte[] body) implements Outcome {
        }
    }

    private Outcome send(GroupSnapshot group, PooledKey key, Upstream upstream, UpstreamCall call, boolean stream,
                         boolean modelList) {
        EffectiveSettings s = group.settings();
        Duration headerTimeout = Duration.ofSeconds(stream ? s.responseHeaderTimeout()
                : Math.min(s.requestTimeout(), s.responseHeaderTimeout()));
        HeaderVariables vars = new HeaderVariables(in.clientIp(), group.name(), key.value().value(),
                System.currentTimeMillis());
        HttpRequest request = UpstreamRequests.build(in, call, group.headerRules(), vars, stream, modelList,
                headerTimeout);
        String secret = key.value().value();
        HttpResponse<InputStream> response;
        long sent = System.nanoTime();
        try {
            response = engine.clients().follower(engine.profile(s)).send(request);
            long wait = System.nanoTime() - sent;
            engine.metrics().group(group.name()).upstream(wait);
        } catch (HttpTimeoutException e) {
            return penalise(group, key, new Outcome.Failed(FailureKind.TIMEOUT, 504,
                    "upstream timeout: " + Redactor.redact(String.valueOf(e.getMessage()), secret), null, null));
        } catch (IOException e) {
            return penalise(group, key, new Outcome.Failed(FailureKind.TRANSPORT, 502,
                    "upstream transport error: " + Redactor.redact(e.getClass().getSimpleName() + ": "
                            + e.getMessage(), secret), null, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed(FailureKind.CLIENT_GONE, 499, "request cancelled", null, null);
        } finally {
            waited(sent);
        }
        int status = response.statusCode();
        if (!group.failover().matches(status)) {
            return new Outcome.Answered(response);
        }
        long reading = System.nanoTime();
        byte[] raw = UpstreamBodies.withDeadline(engine.clients().deadlines(), headerTimeout, response,
                () -> UpstreamBodies.readError(response));
        waited(reading);
        byte[] errorBody = Redactor.redact(raw, secret);
        String message = Redactor.redact(ErrorMessages.parse(errorBody), secret);
        return penalise(group, key, new Outcome.Failed(FailureKind.FAILOVER_STATUS, status, message, response, errorBody));
    }

    /** Time spent waiting for the upstream since {@code from} (excluded from the added latency). */
    private synchronized void waited(long from) {
        upstreamNanos += System.nanoTime() - from;
    }

    private Outcome penalise(GroupSnapshot group, PooledKey key, Outcome.Failed f) {
        if (f.kind().penalise() && !ErrorMessages.isUncounted(f.message())) {
            engine.keyHealth().failure(key, group.settings().blacklistThreshold());
        }
        return f;
    }

    private void respond(GroupSnapshot group, PooledKey key, Upstream upstream, Outcome outcome, boolean stream,
                         ClientReply reply) {
        String addr = upstreamAddr(upstream);
        if (outcome instanceof Outcome.Failed f) {
            log.record(key, f.status(), f.message(), Attempt.FINAL, addr);
            if (f.response() != null) {
                answer(reply, UpstreamBodies.errorResponse(f.response(), f.body()), f.status());
            } else {
                int status = f.kind().clientStatus();
                answer(reply, new GatewayError(status, f.kind().code(), f.message()).render(group.adapter()), status);
            }
            return;
        }
        HttpResponse<InputStream> response = ((Outcome.Answered) outcome).response();
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            engine.keyHealth().success(key);
        }
        if (group.adapter().isModelListRequest(in.method(), in.channelView().path()) && group.redirect().active()
                && status < 300) {
            HttpResponse<InputStream> list = response;
            answer(reply, UpstreamBodies.withDeadline(engine.clients().deadlines(),
                    Duration.ofSeconds(group.settings().requestTimeout()), list,
                    () -> ModelListResponse.rewrite(group, list, in.channelView().rawQuery(),
                            () -> log.record(key, status, "", Attempt.FINAL, addr))), status);
            return;
        }
        ResponseRelay relay = new ResponseRelay(response, stream, engine.clients().deadlines(),
                stream ? engine.streamCap() : Duration.ofSeconds(group.settings().requestTimeout()),
                new ResponseRelay.Hooks(this::commit, engine.metrics(), result -> {
                    int answered = result.clientGone() ? 499 : status;
                    log.record(key, answered, result.error() == null ? "" : result.error(), Attempt.FINAL, addr);
                    answered(answered);
                }));
        reply.relay(relay, () -> new GatewayError(502, "UPSTREAM_ERROR",
                "The upstream connection broke before the answer").render(group.adapter()));
    }
}
