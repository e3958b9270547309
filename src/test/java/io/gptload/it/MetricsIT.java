package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /metrics} after real traffic (issue #7): every gateway metric is there in Prometheus text,
 * labelled by group name only, with the counts the traffic implies, and no key in sight.
 */
@ExtendWith(SharedGateway.class)
class MetricsIT {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line of the exposition: name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    @Test
    void everyNamedMetricIsExposedWithPlausibleValuesAndNoSecret(Api api, FakeUpstream up) throws Exception {
        String retrying = Fixtures.unique("mr");
        long retryId = Fixtures.group(api, retrying, "openai", up.baseUrl(), "pk-" + retrying,
                ",\"config\":{\"max_retries\":3,\"blacklist_threshold\":1}");
        String bad = "sk-mbad-" + retrying;
        String good = "sk-mgood-" + retrying;
        up.on(bad, FakeUpstream.json(401, "{\"error\":{\"message\":\"invalid key\"}}"));
        up.on(good, FakeUpstream.json(200, "{\"ok\":true}"));
        Fixtures.keys(api, retryId, bad, good);

        String failing = Fixtures.unique("mf");
        long failId = Fixtures.group(api, failing, "openai", up.baseUrl(), "pk-" + failing,
                ",\"config\":{\"max_retries\":1,\"blacklist_threshold\":0}");
        String limited = "sk-mlim-" + failing;
        up.on(limited, FakeUpstream.json(429, "{\"error\":{\"message\":\"rate limited\"}}"));
        Fixtures.keys(api, failId, limited);

        for (int i = 0; i < 3; i++) {
            assertEquals(200, proxy(api, retrying, "pk-" + retrying).statusCode());
        }
        assertEquals(429, proxy(api, failing, "pk-" + failing).statusCode());
        assertEquals(401, proxy(api, failing, "wrong-proxy-key").statusCode());

        List<Sample> app = awaitScrape(api, "/metrics?scope=application", s -> value(s, "gptload_keys_invalid",
                Map.of("group", retrying)) == 1 && value(s, "gptload_key_blacklisted_total", Map.of("group", retrying)) == 1);

        Map<String, String> r = Map.of("group", retrying);
        Map<String, String> f = Map.of("group", failing);
        assertEquals(3, value(app, "gptload_requests_total", with(r, "status", "200")));
        assertEquals(1, value(app, "gptload_requests_total", with(f, "status", "429")));
        assertEquals(1, value(app, "gptload_requests_total", with(f, "status", "401")), "a known group's 401");
        assertEquals(3, value(app, "gptload_attempts_total", with(r, "result", "success")));
        assertEquals(1, value(app, "gptload_attempts_total", with(r, "result", "retry")),
                "the bad key fails once, then it is out");
        assertEquals(0, value(app, "gptload_attempts_total", with(r, "result", "final_failure")));
        assertEquals(1, value(app, "gptload_retries_total", r));
        assertEquals(1, value(app, "gptload_attempts_total", with(f, "result", "retry")));
        assertEquals(1, value(app, "gptload_attempts_total", with(f, "result", "final_failure")));
        assertEquals(1, value(app, "gptload_key_blacklisted_total", r));
        assertEquals(1, value(app, "gptload_keys_active", r));
        assertEquals(1, value(app, "gptload_keys_active", f));
        assertEquals(0, value(app, "gptload_keys_invalid", f));
        assertEquals(4, value(app, "gptload_upstream_latency_seconds_count", r), "every attempt that got headers");
        double upSum = value(app, "gptload_upstream_latency_seconds_sum", r);
        assertTrue(upSum > 0 && upSum < 60, "seconds, not nanoseconds: " + upSum);
        assertTrue(value(app, "gptload_added_latency_seconds_count", Map.of()) >= 4);
        double addedMax = value(app, "gptload_added_latency_seconds_max", Map.of());
        assertTrue(addedMax > 0 && addedMax < 60, "seconds: " + addedMax);
        // exact histograms beside the timers: cumulative buckets, +Inf equal to the timer's count
        assertEquals(4, value(app, "gptload_upstream_latency_buckets", with(r, "le", "+Inf")));
        assertEquals(4, value(app, "gptload_upstream_latency_buckets", with(r, "le", "120")));
        assertCumulative(app, "gptload_upstream_latency_buckets", r);
        assertEquals(value(app, "gptload_added_latency_seconds_count", Map.of()),
                value(app, "gptload_added_latency_buckets", Map.of("le", "+Inf")));
        assertCumulative(app, "gptload_added_latency_buckets", Map.of());
        assertTrue(value(app, "gptload_open_streams", Map.of()) >= 0, "present");
        assertTrue(value(app, "gptload_request_log_buffer_depth", Map.of()) >= 0);
        assertTrue(value(app, "gptload_key_restored_total", r) >= 0);

        assertEquals(200, api.post("/api/keys/restore-all-invalid", "{\"group_id\":" + retryId + "}").status());
        List<Sample> later = awaitScrape(api, "/metrics?scope=application",
                s -> value(s, "gptload_key_restored_total", r) == 1);
        assertEquals(2, value(later, "gptload_keys_active", r));
        assertEquals(0, value(later, "gptload_keys_invalid", r), "restoring drops the cached count");

        for (Sample s : app) {
            if (s.name().startsWith("gptload_")) {
                assertTrue(List.of("group", "status", "result", "mp_scope", "le").containsAll(s.labels().keySet()),
                        "labels of " + s);
            }
        }

        HttpResponse<String> all = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/metrics")));
        assertEquals(200, all.statusCode());
        List<Sample> everything = parse(all.body());
        assertEquals(3, value(everything, "gptload_requests_total", with(with(r, "status", "200"), "mp_scope",
                "application")));
        assertTrue(everything.stream().anyMatch(s -> s.labels().containsValue("base")), "base metrics too");
        for (String secret : Secrets.all()) {
            assertFalse(all.body().contains(secret), "a secret in /metrics: " + Secrets.masked(secret));
        }
        assertFalse(all.body().contains(Gateway.AUTH_KEY));
    }

    private static HttpResponse<String> proxy(Api api, String group, String proxyKey) throws Exception {
        return Fixtures.post(api.gateway(), "/proxy/" + group + "/v1/chat/completions", proxyKey,
                "{\"model\":\"m\",\"messages\":[]}");
    }

    /** Scrapes until {@code ready} holds (key events and counts settle off the request path). */
    private static List<Sample> awaitScrape(Api api, String path, java.util.function.Predicate<List<Sample>> ready)
            throws Exception {
        List<Sample> samples = List.of();
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri(path)));
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                    r.headers().toString());
            samples = parse(r.body());
            if (ready.test(samples)) {
                return samples;
            }
            Thread.sleep(200);
        }
        return samples;
    }

    /** Parses Prometheus text, failing on any line that is neither a comment nor a sample. */
    static List<Sample> parse(String text) {
        List<Sample> out = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not Prometheus text: " + line);
            Map<String, String> labels = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return out;
    }

    /** Every {@code le} of the family is present and the counts never fall as {@code le} grows. */
    private static void assertCumulative(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> buckets = samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).sorted(java.util.Comparator.comparingDouble(
                        s -> s.labels().get("le").equals("+Inf") ? Double.POSITIVE_INFINITY
                                : Double.parseDouble(s.labels().get("le")))).toList();
        assertTrue(buckets.size() >= 10, name + ": " + buckets);
        for (int i = 1; i < buckets.size(); i++) {
            assertTrue(buckets.get(i).value() >= buckets.get(i - 1).value(), name + " not cumulative: " + buckets);
        }
    }

    /** The value of the one sample with that name whose labels include {@code labels}; -1 when absent. */
    static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> hits = samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        assertTrue(hits.size() <= 1, "several samples match " + name + labels + ": " + hits);
        return hits.isEmpty() ? -1 : hits.get(0).value();
    }

    private static Map<String, String> with(Map<String, String> base, String k, String v) {
        Map<String, String> m = new HashMap<>(base);
        m.put(k, v);
        return m;
    }
}
