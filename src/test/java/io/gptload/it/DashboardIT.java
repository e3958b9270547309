package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/dashboard/stats}, {@code /chart} and {@code /encryption-status}: shapes and numbers. */
@ExtendWith(SharedGateway.class)
class DashboardIT {

    private static final Set<String> CARD = Set.of("value", "trend", "trend_is_growth");

    private static long sum(JsonArray a) {
        return a.getValuesAs(jakarta.json.JsonNumber.class).stream().mapToLong(jakarta.json.JsonNumber::longValue).sum();
    }

    private static long[] chartTotals(Api api, String query) {
        Api.Resp r = api.get("/api/dashboard/chart" + query);
        assertEquals(200, r.status(), r.body());
        JsonArray sets = r.data().getJsonArray("datasets");
        return new long[] {sum(sets.getJsonObject(0).getJsonArray("data")), sum(sets.getJsonObject(1).getJsonArray("data"))};
    }

    /** Waits until the group's chart shows {@code success} and {@code failure} (logs are flushed within ~5 s). */
    private static void awaitChart(Api api, long groupId, long success, long failure) throws InterruptedException {
        long[] t = null;
        for (int i = 0; i < 150; i++) {
            t = chartTotals(api, "?groupId=" + groupId);
            if (t[0] >= success && t[1] >= failure) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(success, t[0], "successes of group " + groupId);
        assertEquals(failure, t[1], "failures of group " + groupId);
    }

    private static long requestCount(Api api) {
        Api.Resp r = api.get("/api/dashboard/stats");
        assertEquals(200, r.status(), r.body());
        return r.data().getJsonObject("request_count").getJsonNumber("value").longValue();
    }

    @Test
    void chartOfOneGroupCountsItsFinalRequestsPerHour(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("dash");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":1,\"blacklist_threshold\":0}");
        String good = "sk-dash-good-" + name;
        String bad = "sk-dash-bad-" + name;
        up.on(good, FakeUpstream.json(200, "{\"ok\":true}"));
        up.on(bad, FakeUpstream.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        Fixtures.keys(api, id, good);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}")
                    .statusCode());
        }
        String other = Fixtures.unique("dashbad");
        long otherId = Fixtures.group(api, other, "openai", up.baseUrl(), "pk-" + other,
                ",\"config\":{\"max_retries\":1,\"blacklist_threshold\":0}");
        Fixtures.keys(api, otherId, bad);
        assertEquals(500, Fixtures.post(api.gateway(), "/proxy/" + other + "/v1/chat/completions", "pk-" + other, "{}")
                .statusCode());

        awaitChart(api, id, 3, 0);
        awaitChart(api, otherId, 0, 1);

        Api.Resp r = api.get("/api/dashboard/chart?groupId=" + id);
        assertEquals(Set.of("labels", "datasets"), r.data().keySet());
        JsonArray labels = r.data().getJsonArray("labels");
        assertEquals(24, labels.size());
        OffsetDateTime first = OffsetDateTime.parse(labels.getString(0));
        for (int i = 0; i < 24; i++) {
            OffsetDateTime t = OffsetDateTime.parse(labels.getString(i));
            assertEquals(first.toInstant().plus(Duration.ofHours(i)), t.toInstant(), labels.toString());
            assertEquals(0, t.getMinute() + t.getSecond() + t.getNano(), "whole hours: " + labels.getString(i));
        }
        assertTrue(OffsetDateTime.parse(labels.getString(23)).toInstant().isBefore(java.time.Instant.now()));
        JsonArray sets = r.data().getJsonArray("datasets");
        assertEquals(2, sets.size());
        assertEquals("Success", sets.getJsonObject(0).getString("label"));
        assertEquals("rgba(10, 200, 110, 1)", sets.getJsonObject(0).getString("color"));
        assertEquals("Failed", sets.getJsonObject(1).getString("label"));
        assertEquals("rgba(255, 70, 70, 1)", sets.getJsonObject(1).getString("color"));
        assertEquals(24, sets.getJsonObject(0).getJsonArray("data").size());
        assertEquals(3, sets.getJsonObject(0).getJsonArray("data").getJsonNumber(23).longValue()
                + sets.getJsonObject(0).getJsonArray("data").getJsonNumber(22).longValue(), "the latest hours");

        Api.Resp bad400 = api.get("/api/dashboard/chart?groupId=abc");
        assertEquals(400, bad400.status());
        assertEquals("BAD_REQUEST", bad400.obj().getString("code"));
        assertEquals(List.of(0L, 0L), List.of(chartTotals(api, "?groupId=999999999")[0], chartTotals(api, "?groupId=999999999")[1]));
    }

    @Test
    void aggregateTrafficIsCountedOnceInTheTotals(Api api, FakeUpstream up) throws Exception {
        Thread.sleep(6000); // let earlier tests' logs reach the hourly statistics first
        long[] before = chartTotals(api, "");
        long requestsBefore = requestCount(api);

        String member = Fixtures.unique("dmem");
        long memberId = Fixtures.group(api, member, "openai", up.baseUrl(), "", "");
        String key = "sk-dmem-" + member;
        up.on(key, FakeUpstream.json(200, "{}"));
        Fixtures.keys(api, memberId, key);
        String agg = Fixtures.unique("dagg");
        Api.Resp created = api.post("/api/groups", "{\"name\":\"" + agg + "\",\"group_type\":\"aggregate\","
                + "\"channel_type\":\"openai\",\"proxy_keys\":\"pk-" + agg + "\"}");
        long aggId = created.data().getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/groups/" + aggId + "/sub-groups",
                "{\"sub_groups\":[{\"group_id\":" + memberId + ",\"weight\":1}]}").status());
        for (int i = 0; i < 2; i++) {
            assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + agg + "/v1/chat/completions", "pk-" + agg, "{}")
                    .statusCode());
        }
        awaitChart(api, memberId, 2, 0);
        awaitChart(api, aggId, 2, 0);

        long[] after = chartTotals(api, "");
        assertEquals(before[0] + 2, after[0], "the all-groups chart leaves aggregates out");
        assertEquals(before[1], after[1]);
        assertEquals(requestsBefore + 2, requestCount(api), "so does the 24-hour request count");
    }

    @Test
    void statsHaveGptLoadsShapeAndNameWeakSecretsWithoutShowingThem(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("dstat");
        String weakKey = "pk-test-" + name;
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), weakKey, "");
        String key = "sk-dstat-" + name;
        up.on(key, FakeUpstream.json(200, "{}"));
        Fixtures.keys(api, id, key, "sk-dstat-2-" + name);
        assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", weakKey, "{}").statusCode());
        awaitChart(api, id, 1, 0);

        Api.Resp r = api.get("/api/dashboard/stats");
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.obj().getInt("code"));
        assertEquals("Success", r.obj().getString("message"));
        JsonObject d = r.data();
        assertEquals(List.of("key_count", "rpm", "request_count", "error_rate", "security_warnings"), List.copyOf(d.keySet()));
        JsonObject keys = d.getJsonObject("key_count");
        assertTrue(keys.getJsonNumber("value").longValue() >= 2, keys.toString());
        if (keys.containsKey("sub_value")) {
            assertTrue(keys.getInt("sub_value") > 0, "sub_value only when there are invalid keys");
        }
        assertEquals("Invalid Keys", keys.getString("sub_value_tip"));
        assertFalse(keys.getBoolean("trend_is_growth"));
        for (String card : List.of("rpm", "request_count", "error_rate")) {
            assertEquals(CARD, d.getJsonObject(card).keySet(), card);
        }
        assertTrue(d.getJsonObject("rpm").getJsonNumber("value").doubleValue() >= 0.1);
        assertTrue(d.getJsonObject("request_count").getJsonNumber("value").longValue() >= 1);
        double errorRate = d.getJsonObject("error_rate").getJsonNumber("value").doubleValue();
        assertTrue(errorRate >= 0 && errorRate <= 100, "error rate in percent: " + errorRate);

        JsonArray warnings = d.getJsonArray("security_warnings");
        for (JsonValue v : warnings) {
            assertEquals(Set.of("type", "message", "severity", "suggestion"), v.asJsonObject().keySet());
            assertTrue(Set.of("high", "medium").contains(v.asJsonObject().getString("severity")));
            assertFalse(v.toString().contains(Gateway.AUTH_KEY), "AUTH_KEY never shown");
            assertFalse(v.toString().contains(weakKey), "proxy keys never shown");
        }
        assertTrue(warnings.stream().map(JsonValue::asJsonObject).anyMatch(w -> w.getString("type").equals("ENCRYPTION_KEY")
                && w.getString("severity").equals("high")
                && w.getString("message").equals("ENCRYPTION_KEY is not set, sensitive data will be stored in plain text")));
        assertTrue(warnings.stream().map(JsonValue::asJsonObject).anyMatch(w -> w.getString("type").equals("AUTH_KEY")
                && w.getString("message").equals("AUTH_KEY contains common weak password patterns: admin")));
        String group = "Group Proxy Key [" + name + "] #1";
        assertTrue(warnings.stream().map(JsonValue::asJsonObject).anyMatch(w -> w.getString("type").equals(group)
                && w.getString("message").equals(group + " contains common weak password patterns: test")), warnings.toString());
    }

    @Test
    void encryptionStatusWithoutAKeyOverPlaintextKeysIsFine(Api api, FakeUpstream up) {
        String name = Fixtures.unique("denc");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        Fixtures.keys(api, id, "sk-denc-" + name);
        Api.Resp r = api.get("/api/dashboard/encryption-status");
        assertEquals(200, r.status(), r.body());
        assertEquals("{\"has_mismatch\":false,\"scenario_type\":\"\",\"message\":\"\",\"suggestion\":\"\"}",
                r.obj().get("data").toString());
    }

    @Test
    void theDashboardNeedsTheAdminKey(Api api) throws Exception {
        for (String path : List.of("/api/dashboard/stats", "/api/dashboard/chart", "/api/dashboard/encryption-status")) {
            var r = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri(path)).GET());
            assertEquals(401, r.statusCode(), path);
        }
    }
}
