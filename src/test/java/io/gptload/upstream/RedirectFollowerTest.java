package io.gptload.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class RedirectFollowerTest {

    private static final String KEY = "sk-real-secret";

    /** A canned response. */
    record Fake(int statusCode, HttpRequest request, HttpHeaders headers, InputStream body)
            implements HttpResponse<InputStream> {
        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    /** Answers by a function of the request and records every request it got. */
    private static final class Script implements RedirectFollower.Sender {
        final List<HttpRequest> seen = new ArrayList<>();
        final Function<HttpRequest, Fake> answer;

        Script(Function<HttpRequest, Fake> answer) {
            this.answer = answer;
        }

        @Override
        public HttpResponse<InputStream> send(HttpRequest request) {
            seen.add(request);
            return answer.apply(request);
        }
    }

    private static Fake status(HttpRequest r, int status, String location) {
        Map<String, List<String>> h = location == null ? Map.of() : Map.of("Location", List.of(location));
        return new Fake(status, r, HttpHeaders.of(h, (a, b) -> true),
                new ByteArrayInputStream(("status " + status).getBytes(StandardCharsets.UTF_8)));
    }

    /** Redirects the first request to {@code location}, answers 200 afterwards. */
    private static Script once(int status, String location) {
        return new Script(r -> r.uri().getPath().equals("/start") ? status(r, status, location) : status(r, 200, null));
    }

    private static HttpRequest post(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                .header("Authorization", "Bearer " + KEY).header("x-api-key", KEY).header("api-key", KEY)
                .header("X-Goog-Api-Key", KEY).header("X-Auth-Token", KEY)
                .header("Content-Type", "application/json").header("X-Custom", "kept").build();
    }

    private static String body(HttpRequest r) throws Exception {
        if (r.bodyPublisher().isEmpty()) {
            return "";
        }
        CompletableFuture<String> out = new CompletableFuture<>();
        r.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
            final StringBuilder sb = new StringBuilder();

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer b) {
                sb.append(StandardCharsets.UTF_8.decode(b));
            }

            @Override
            public void onError(Throwable t) {
                out.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                out.complete(sb.toString());
            }
        });
        return out.get();
    }

    private static final List<String> CREDENTIALS = List.of("Authorization", "x-api-key", "api-key",
            "X-Goog-Api-Key", "X-Auth-Token");

    @Test
    void noRedirectIsPassedThrough() throws Exception {
        Script s = new Script(r -> status(r, 200, null));
        assertEquals(200, new RedirectFollower(s).send(post("http://a.example/start")).statusCode());
        assertEquals(1, s.seen.size());
    }

    @Test
    void temporaryRedirectToAnotherHostKeepsMethodAndBodyButDropsCredentials() throws Exception {
        Script s = once(307, "http://b.example/next");
        HttpResponse<InputStream> r = new RedirectFollower(s).send(post("http://a.example/start"));
        assertEquals(200, r.statusCode());
        HttpRequest second = s.seen.get(1);
        assertEquals(URI.create("http://b.example/next"), second.uri());
        assertEquals("POST", second.method());
        assertEquals("{\"a\":1}", body(second));
        for (String h : CREDENTIALS) {
            assertTrue(second.headers().firstValue(h).isEmpty(), h);
        }
        assertEquals(Optional.of("kept"), second.headers().firstValue("X-Custom"));
        assertEquals(Optional.of("application/json"), second.headers().firstValue("Content-Type"));
    }

    @Test
    void sameHostOnAnotherPortKeepsCredentials() throws Exception {
        Script s = once(308, "http://a.example:8080/next");
        new RedirectFollower(s).send(post("http://a.example/start"));
        HttpRequest second = s.seen.get(1);
        for (String h : CREDENTIALS) {
            assertEquals(Optional.of(h.equals("Authorization") ? "Bearer " + KEY : KEY), second.headers().firstValue(h));
        }
        assertEquals("POST", second.method());
    }

    @Test
    void hostComparisonIgnoresCase() throws Exception {
        Script s = once(307, "http://A.Example/next");
        new RedirectFollower(s).send(post("http://a.example/start"));
        assertTrue(s.seen.get(1).headers().firstValue("Authorization").isPresent());
    }

    @Test
    void seeOtherTurnsIntoGetWithoutBody() throws Exception {
        for (int status : new int[] {301, 302, 303}) {
            Script s = once(status, "/next");
            new RedirectFollower(s).send(post("http://a.example/start"));
            HttpRequest second = s.seen.get(1);
            assertEquals("GET", second.method(), "status " + status);
            assertEquals("", body(second));
            assertTrue(second.headers().firstValue("Content-Type").isEmpty());
            assertEquals(URI.create("http://a.example/next"), second.uri());
        }
    }

    @Test
    void headStaysHead() throws Exception {
        Script s = once(302, "/next");
        new RedirectFollower(s).send(HttpRequest.newBuilder(URI.create("http://a.example/start"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals("HEAD", s.seen.get(1).method());
    }

    @Test
    void relativeLocationResolvesAgainstTheCurrentUrl() throws Exception {
        Script s = new Script(r -> switch (r.uri().getPath()) {
            case "/start" -> status(r, 307, "http://b.example/dir/one");
            case "/dir/one" -> status(r, 307, "two?x=1");
            default -> status(r, 200, null);
        });
        new RedirectFollower(s).send(post("http://a.example/start"));
        assertEquals(URI.create("http://b.example/dir/two?x=1"), s.seen.get(2).uri());
    }

    @Test
    void credentialsStayDroppedWhenTheChainComesBack() throws Exception {
        Script s = new Script(r -> switch (r.uri().getPath()) {
            case "/start" -> status(r, 307, "http://b.example/away");
            case "/away" -> status(r, 307, "http://a.example/back");
            default -> status(r, 200, null);
        });
        new RedirectFollower(s).send(post("http://a.example/start"));
        assertEquals(3, s.seen.size());
        assertTrue(s.seen.get(2).headers().firstValue("x-api-key").isEmpty());
    }

    @Test
    void theKeyQueryValueDoesNotGoToAnotherHost() throws Exception {
        Script s = once(307, "http://b.example/v1beta/m?alt=sse&key=" + KEY + "&key=other");
        new RedirectFollower(s).send(post("http://a.example/start?key=" + KEY + "&alt=sse"));
        assertEquals(URI.create("http://b.example/v1beta/m?alt=sse&key=other"), s.seen.get(1).uri());
    }

    @Test
    void theKeyQueryValueStaysOnTheSameHost() throws Exception {
        Script s = once(307, "http://a.example/v1beta/m?key=" + KEY);
        new RedirectFollower(s).send(post("http://a.example/start?key=" + KEY));
        assertEquals(URI.create("http://a.example/v1beta/m?key=" + KEY), s.seen.get(1).uri());
    }

    @Test
    void encodedKeyValueIsRecognisedAndAnEmptyQueryDisappears() throws Exception {
        Script s = once(307, "https://b.example/x?key=a%2Bb");
        new RedirectFollower(s).send(post("http://a.example/start?key=a%2Bb"));
        assertEquals(URI.create("https://b.example/x"), s.seen.get(1).uri());
    }

    @Test
    void tenRedirectsAreFollowedAndTheEleventhIsReturnedAsIs() throws Exception {
        Script s = new Script(r -> {
            int n = Integer.parseInt(r.uri().getPath().substring(1));
            return status(r, 302, "/" + (n + 1));
        });
        HttpResponse<InputStream> r = new RedirectFollower(s).send(post("http://a.example/0"));
        assertEquals(302, r.statusCode());
        assertEquals(11, s.seen.size());
        assertEquals("/10", r.request().uri().getPath());
        assertEquals("status 302", new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void tenthRedirectIsStillFollowed() throws Exception {
        Script s = new Script(r -> {
            int n = Integer.parseInt(r.uri().getPath().substring(1));
            return n < 10 ? status(r, 302, "/" + (n + 1)) : status(r, 200, null);
        });
        assertEquals(200, new RedirectFollower(s).send(post("http://a.example/0")).statusCode());
        assertEquals(11, s.seen.size());
    }

    @Test
    void unusableLocationsAndOtherStatusesAreReturnedAsIs() throws Exception {
        for (String location : new String[] {null, "", "  ", "ftp://b.example/x", "http://exa mple/bad", "mailto:x@y"}) {
            Script s = once(302, location);
            assertEquals(302, new RedirectFollower(s).send(post("http://a.example/start")).statusCode(),
                    String.valueOf(location));
            assertEquals(1, s.seen.size());
        }
        for (int status : new int[] {300, 304, 305, 306}) {
            Script s = once(status, "/next");
            assertEquals(status, new RedirectFollower(s).send(post("http://a.example/start")).statusCode());
            assertEquals(1, s.seen.size());
        }
    }

    @Test
    void versionFollowsTheScheme() throws Exception {
        Script s = once(307, "https://b.example/x");
        HttpRequest first = HttpRequest.newBuilder(URI.create("http://a.example/start"))
                .version(HttpClient.Version.HTTP_1_1).GET().build();
        new RedirectFollower(s).send(first);
        assertEquals(Optional.of(HttpClient.Version.HTTP_2), s.seen.get(1).version());
        assertFalse(s.seen.get(1).uri().toString().contains("http:"));
    }
}
