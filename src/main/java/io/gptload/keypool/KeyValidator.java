package io.gptload.keypool;

import io.gptload.channel.UpstreamCall;
import io.gptload.group.GroupSnapshot;
import io.gptload.group.HeaderRules;
import io.gptload.group.HeaderSink;
import io.gptload.group.HeaderVariables;
import io.gptload.settings.EffectiveSettings;
import io.gptload.shared.ErrorMessages;
import io.gptload.shared.Redactor;
import io.gptload.upstream.ClientProfile;
import io.gptload.upstream.HeaderFilter;
import io.gptload.upstream.UpstreamClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Validates one key against its group (spec §1 row 13): the channel's probe (the group's
 * validation endpoint, else the channel's; the group's test model) to the next upstream of the
 * group's weighted selector, the group's header rules with {@code ${CLIENT_IP}} = 127.0.0.1,
 * within {@code key_validation_timeout_seconds}. Valid ⇔ 2xx. {@link #validate} also applies the
 * result to the key's state through {@link KeyHealth#validated}.
 */
@ApplicationScoped
public class KeyValidator {

    static final int MAX_ERROR_BODY = 64 * 1024;
    private static final String LOCALHOST = "127.0.0.1";

    private UpstreamClients clients;
    private KeyHealth health;
    private KeyCheckHistory history;

    protected KeyValidator() {
        // for CDI proxies
    }

    @Inject
    public KeyValidator(UpstreamClients clients, KeyHealth health) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.health = Objects.requireNonNull(health, "health");
    }

    /** Where failed checks are remembered for the console (absent in unit tests). */
    @Inject
    void setHistory(KeyCheckHistory history) {
        this.history = history;
    }

    /** A probe's answer and what it did to the key. */
    public record Validated(KeyCheck check, KeyHealth.Change change) {
        public Validated {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(change, "change");
        }
    }

    /** Probes the key and updates its state (failure count, blacklist, restore) and its last failed check. */
    public Validated validate(GroupSnapshot group, PooledKey key) {
        KeyCheck result = check(group, key.value().value());
        KeyCheckHistory.record(history, key.id(), result);
        return new Validated(result, health.validated(key, result, group.settings().blacklistThreshold()));
    }

    /** Probes the key without touching any state. */
    public KeyCheck check(GroupSnapshot group, String realKey) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(realKey, "realKey");
        if (group.aggregate() || group.upstreams() == null) {
            return KeyCheck.invalid("failed to send validation request: no upstream with a positive weight");
        }
        EffectiveSettings s = group.settings();
        Duration timeout = Duration.ofSeconds(Math.max(1, s.keyValidationTimeoutSeconds()));
        UpstreamCall call = group.adapter().validationProbe(group.upstreams().next().url(), group.validationEndpoint(),
                group.testModel(), realKey);
        HttpRequest request = request(call, group, realKey, timeout);
        HttpClient client = clients.client(new ClientProfile(Duration.ofSeconds(s.connectTimeout()), s.proxyUrl()));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return KeyCheck.VALID;
                }
                byte[] body = Redactor.redact(readBounded(in, deadline), realKey);
                return KeyCheck.invalid("[status " + status + "] " + Redactor.redact(ErrorMessages.parse(body), realKey));
            }
        } catch (HttpTimeoutException e) {
            return KeyCheck.invalid("failed to send validation request: timed out after " + timeout.toSeconds() + "s");
        } catch (IOException e) {
            return KeyCheck.invalid("failed to send validation request: "
                    + Redactor.redact(e.getClass().getSimpleName() + ": " + e.getMessage(), realKey));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KeyCheck.invalid("failed to send validation request: interrupted");
        }
    }

    /** Reads at most {@link #MAX_ERROR_BODY} bytes; the stream is closed when the deadline passes. */
    private byte[] readBounded(InputStream in, long deadline) throws IOException {
        long left = Math.max(1, deadline - System.nanoTime());
        ScheduledFuture<?> guard = clients.deadlines().schedule(() -> closeQuietly(in), left, TimeUnit.NANOSECONDS);
        try {
            return in.readNBytes(MAX_ERROR_BODY);
        } finally {
            guard.cancel(false);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the closed stream
        }
    }

    static HttpRequest request(UpstreamCall call, GroupSnapshot group, String realKey, Duration timeout) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        call.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        HeaderRules.apply(group.headerRules(), new HeaderSink() {
            @Override
            public void set(String name, String value) {
                headers.put(name, value);
            }

            @Override
            public void remove(String name) {
                headers.remove(name);
            }
        }, new HeaderVariables(LOCALHOST, group.name(), realKey, System.currentTimeMillis()));
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if ("http".equalsIgnoreCase(call.uri().getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach((name, value) -> {
            if (HeaderFilter.sendable(name)) {
                b.header(name, value);
            }
        });
        return b.build();
    }
}
