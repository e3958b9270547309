package io.gptload.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Follows upstream redirects the way gpt-load does (spec §1 row 46), by hand, so credentials
 * never reach another host: at most {@value #MAX_REDIRECTS} redirects; 301/302/303 turn into a
 * body-less GET (HEAD stays HEAD), 307/308 repeat method and body; once the chain leaves the
 * original host name, the credential headers and the original {@code key} query value are
 * dropped for the rest of it. A 3xx without a usable {@code Location}, or one past the limit,
 * is returned as is.
 */
public final class RedirectFollower {

    /** Sends one request; the real one is {@link HttpClient#send} with an input-stream body. */
    @FunctionalInterface
    public interface Sender {
        HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException;
    }

    public static final int MAX_REDIRECTS = 10;

    private static final Set<String> CREDENTIALS = Set.of("authorization", "x-api-key", "api-key",
            "x-goog-api-key", "x-auth-token");
    private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-encoding");

    private final Sender sender;

    public RedirectFollower(Sender sender) {
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /** A follower over a real client (which must itself never follow redirects). */
    public static RedirectFollower over(HttpClient client) {
        Objects.requireNonNull(client, "client");
        return new RedirectFollower(r -> client.send(r, HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** Sends {@code request} and follows its redirects; returns the first non-followed response. */
    public HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
        URI origin = request.uri();
        HttpRequest current = request;
        boolean crossed = false;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = sender.send(current);
            Optional<URI> target = redirects < MAX_REDIRECTS ? target(response) : Optional.empty();
            if (target.isEmpty()) {
                return response;
            }
            discard(response);
            crossed |= !sameHost(origin, target.get());
            current = next(current, response.statusCode(), target.get(), crossed, origin);
        }
    }

    private static Optional<URI> target(HttpResponse<?> response) {
        int status = response.statusCode();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty() || location.get().isBlank()) {
            return Optional.empty();
        }
        try {
            URI resolved = response.request().uri().resolve(location.get().strip());
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && resolved.getHost() != null ? Optional.of(resolved) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static HttpRequest next(HttpRequest previous, int status, URI target, boolean crossed, URI origin) {
        boolean keepBody = status == 307 || status == 308;
        URI uri = crossed ? KeyParameter.withoutValuesOf(target, origin) : target;
        HttpRequest.Builder b = HttpRequest.newBuilder(previous, (name, value) -> {
            String n = name.toLowerCase(Locale.ROOT);
            return !(crossed && CREDENTIALS.contains(n)) && (keepBody || !BODY_HEADERS.contains(n));
        }).uri(uri);
        if (!keepBody) {
            String method = "HEAD".equals(previous.method()) ? "HEAD" : "GET";
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (previous.version().isPresent()) {
            b.version("http".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_1_1
                    : HttpClient.Version.HTTP_2);
        }
        return b.build();
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost());
    }

    /** Closing unread cancels the redirect's body: nothing to wait for from a slow upstream. */
    private static void discard(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException | RuntimeException ignored) {
            // the redirect's own body is of no interest
        }
    }
}
