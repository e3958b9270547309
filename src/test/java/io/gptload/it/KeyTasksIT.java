package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The async key tasks and whole-group key routes (spec §3.3 Keys, §1 rows 25–29): add-async by
 * JSON and by {@code .txt} upload, delete-async, the single task slot (409 while busy, visible
 * progress), restore/clear, export and notes, with every answer's shape and error.
 */
@ExtendWith(SharedGateway.class)
class KeyTasksIT {

    @Test
    void asyncImportFromJsonAddsNewKeysThatServeAtOnce(Api api, FakeUpstream up) throws Exception {
        Tasks.awaitIdle(api);
        String name = Fixtures.unique("kimp");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String old = "sk-old-" + name;
        Fixtures.keys(api, id, old);
        String a = "sk-a-" + name;
        String b = "sk-b-" + name;
        Secrets.remember(a);
        Secrets.remember(b);
        Api.Resp r = api.post("/api/keys/add-async", "{\"group_id\":" + id + ",\"keys_text\":\"" + a + "\\n" + old
                + "," + b + ";" + a + "\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.obj().getInt("code"));
        assertEquals("Success", r.obj().getString("message"));
        Tasks.assertStarted(r.data(), "KEY_IMPORT", name, 3);

        JsonObject done = Tasks.awaitFinished(api, 60_000, 50).status();
        assertEquals("KEY_IMPORT", done.getString("task_type"));
        assertFalse(done.getBoolean("is_running"));
        assertEquals(3, done.getInt("processed"));
        assertEquals(3, done.getInt("total"));
        JsonObject result = done.getJsonObject("result");
        assertEquals(Set.of("added_count", "ignored_count"), result.keySet(), done.toString());
        assertEquals(2, result.getInt("added_count"));
        assertEquals(1, result.getInt("ignored_count"), "the key already in the group is ignored");
        assertTrue(done.containsKey("finished_at"), done.toString());
        assertFalse(done.containsKey("error"), done.toString());
        assertEquals(Set.of(old, a, b), values(api, id, ""));

        Set<String> used = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            int before = up.requestsWithKeyPrefix("sk-").size();
            HttpResponse<String> p = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
            assertEquals(200, p.statusCode(), p.body());
            List<FakeUpstream.Recorded> got = up.requestsWithKeyPrefix("sk-");
            used.add(got.get(got.size() - 1).key());
            assertEquals(before + 1, got.size());
        }
        assertEquals(Set.of(old, a, b), used, "imported keys are in rotation");
    }

    @Test
    void asyncImportAcceptsATxtUploadAndRejectsOtherFiles(Api api, FakeUpstream up) throws Exception {
        Tasks.awaitIdle(api);
        String name = Fixtures.unique("kup");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        List<String> keys = List.of("sk-u1-" + name, "sk-u2-" + name, "sk-u3-" + name);
        keys.forEach(Secrets::remember);
        Api.Resp r = upload(api, List.<String[]>of(new String[]{"group_id", Long.toString(id)}), "My Keys.TXT",
                String.join("\n", keys) + "\n\n" + keys.get(0) + "\r\n");
        assertEquals(200, r.status(), r.body());
        Tasks.assertStarted(r.data(), "KEY_IMPORT", name, 3);
        JsonObject result = Tasks.awaitFinished(api, 60_000, 50).status().getJsonObject("result");
        assertEquals(3, result.getInt("added_count"));
        assertEquals(0, result.getInt("ignored_count"));
        assertEquals(Set.copyOf(keys), values(api, id, ""));

        String gid = Long.toString(id);
        assertError(upload(api, List.<String[]>of(new String[]{"group_id", gid}), "keys.csv", "sk-csv-" + name),
                400, "VALIDATION_FAILED", "Only .txt files are supported");
        assertError(upload(api, List.<String[]>of(new String[]{"group_id", gid}), "keys", "sk-noext-" + name),
                400, "VALIDATION_FAILED", "Only .txt files are supported");
        assertError(upload(api, List.<String[]>of(new String[]{"group_id", gid}), null, null), 400, "BAD_REQUEST", "File is required");
        assertError(upload(api, List.of(), "keys.txt", "sk-x-" + name), 400, "BAD_REQUEST", "group_id is required");
        assertError(upload(api, List.<String[]>of(new String[]{"group_id", "abc"}), "keys.txt", "sk-x-" + name),
                400, "BAD_REQUEST", "Invalid group ID format");
        assertError(upload(api, List.<String[]>of(new String[]{"group_id", "99999999"}), "keys.txt", "sk-x-" + name),
                404, "NOT_FOUND", "Resource not found");
        assertError(upload(api, List.<String[]>of(new String[]{"group_id", gid}), "keys.txt", " \n\t "),
                400, "VALIDATION_FAILED", "Keys text cannot be empty");
        assertError(upload(api, List.<String[]>of(new String[]{"group_id", gid}), "keys.txt", ",;,"),
                409, "TASK_IN_PROGRESS", "no valid keys found in the input text");
        assertEquals(Set.copyOf(keys), values(api, id, ""), "nothing rejected was imported");
        assertFalse(api.get("/api/tasks/status").data().getBoolean("is_running"), "no rejected upload started a task");
    }

    @Test
    void aSecondTaskIsRefusedWhileOneRunsAndProgressIsVisible(Api api, FakeUpstream up) throws Exception {
        Tasks.awaitIdle(api);
        String name = Fixtures.unique("kbusy");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        int n = 40_000;
        String text = IntStream.range(0, n).mapToObj(i -> "sk-busy-" + i + "-" + name).collect(Collectors.joining(" "));
        Api.Resp first = api.post("/api/keys/add-async", "{\"group_id\":" + id + ",\"keys_text\":\"" + text + "\"}");
        assertEquals(200, first.status(), first.body());
        Tasks.assertStarted(first.data(), "KEY_IMPORT", name, n);

        assertError(api.post("/api/keys/add-async", "{\"group_id\":" + id + ",\"keys_text\":\"sk-other-" + name + "\"}"),
                409, "TASK_IN_PROGRESS", "a task is already running, please wait");
        assertError(api.post("/api/keys/delete-async", "{\"group_id\":" + id + ",\"keys_text\":\"sk-busy-1-" + name + "\"}"),
                409, "TASK_IN_PROGRESS", "a task is already running, please wait");
        JsonObject during = api.get("/api/tasks/status").data();
        assertEquals(name, during.getString("group_name"), "the refused tasks did not replace the running one");

        Tasks.Run run = Tasks.awaitFinished(api, 300_000, 20);
        List<Integer> seen = run.processed();
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back: " + seen);
        }
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < n), "progress seen between 0 and " + n + ": " + seen);
        assertTrue(seen.stream().allMatch(p -> p % 500 == 0 || p == n), "progress moves in chunks of 500: " + seen);
        assertEquals(n, run.status().getInt("processed"));
        assertEquals(n, run.status().getJsonObject("result").getInt("added_count"));
        assertEquals(n, total(api, id, ""));

        Api.Resp clear = api.post("/api/keys/clear-all", "{\"group_id\":" + id + "}");
        assertEquals(n + " keys cleared", clear.obj().getString("message"), clear.body());
    }

    @Test
    void asyncDeleteRemovesTheGivenKeysInChunks(Api api, FakeUpstream up) throws Exception {
        Tasks.awaitIdle(api);
        String name = Fixtures.unique("kdel");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String keep = "sk-keep-" + name;
        String d1 = "sk-d1-" + name;
        String d2 = "sk-d2-" + name;
        Fixtures.keys(api, id, keep, d1, d2);
        Api.Resp r = api.post("/api/keys/delete-async", "{\"group_id\":" + id + ",\"keys_text\":\"" + d1 + " " + d2
                + " sk-unknown-" + name + "\"}");
        assertEquals(200, r.status(), r.body());
        Tasks.assertStarted(r.data(), "KEY_DELETE", name, 3);
        JsonObject done = Tasks.awaitFinished(api, 60_000, 50).status();
        assertEquals("KEY_DELETE", done.getString("task_type"));
        JsonObject result = done.getJsonObject("result");
        assertEquals(Set.of("deleted_count", "ignored_count"), result.keySet());
        assertEquals(2, result.getInt("deleted_count"));
        assertEquals(1, result.getInt("ignored_count"));
        assertEquals(Set.of(keep), values(api, id, ""));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> p = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
            assertEquals(200, p.statusCode(), p.body());
        }
        assertEquals(0, up.requests(d1).size() + up.requests(d2).size(), "deleted keys left the rotation");
        assertEquals(3, up.requests(keep).size());
    }

    @Test
    void asyncRoutesRejectBadJsonInGptLoadsOrder(Api api, FakeUpstream up) throws Exception {
        Tasks.awaitIdle(api);
        String name = Fixtures.unique("kbad");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        record Case(String body, int status, String code) {
        }
        for (String route : List.of("add-async", "delete-async")) {
            for (Case c : List.of(
                    new Case("{\"group_id\":" + id + ",\"keys_text\":", 400, "INVALID_JSON"),
                    new Case("", 400, "INVALID_JSON"),
                    new Case("{\"keys_text\":\"a\"}", 400, "INVALID_JSON"),
                    new Case("{\"group_id\":0,\"keys_text\":\"a\"}", 400, "INVALID_JSON"),
                    new Case("{\"group_id\":" + id + "}", 400, "INVALID_JSON"),
                    new Case("{\"group_id\":" + id + ",\"keys_text\":\"\"}", 400, "INVALID_JSON"),
                    new Case("{\"group_id\":99999999,\"keys_text\":\"   \"}", 404, "NOT_FOUND"),
                    new Case("{\"group_id\":" + id + ",\"keys_text\":\" \\n \"}", 400, "VALIDATION_FAILED"),
                    new Case("{\"group_id\":" + id + ",\"keys_text\":\" ,; \"}", 409, "TASK_IN_PROGRESS"))) {
                Api.Resp r = api.post("/api/keys/" + route, c.body());
                assertEquals(c.status(), r.status(), route + " " + c.body() + " -> " + r.body());
                assertEquals(c.code(), r.obj().getString("code"), route + " " + c.body());
                assertFalse(r.obj().containsKey("data"));
            }
        }
        assertFalse(api.get("/api/tasks/status").data().getBoolean("is_running"));
    }

    @Test
    void restoreAndClearWholeGroupsReportCountsInTheMessage(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("kclr");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":1}");
        List<String> bad = invalidKeys(api, up, id, name, 3);
        String good = "sk-good-" + name;
        Fixtures.keys(api, id, good);
        assertEquals(3, total(api, id, "&status=invalid"));

        Api.Resp restore = api.post("/api/keys/restore-all-invalid", "{\"group_id\":" + id + "}");
        assertMessageOnly(restore, "3 keys restored");
        assertEquals(4, total(api, id, "&status=active"));
        JsonArray items = api.get("/api/keys?group_id=" + id + "&page_size=10").data().getJsonArray("items");
        items.forEach(k -> assertEquals(0, k.asJsonObject().getInt("failure_count"), k.toString()));
        bad.forEach(k -> up.on(k, FakeUpstream.json(200, "{\"ok\":true}")));
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> p = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
            assertEquals(200, p.statusCode(), p.body());
        }
        bad.forEach(k -> used.addAll(up.requests(k).stream().map(FakeUpstream.Recorded::key).toList()));
        assertEquals(Set.copyOf(bad), used, "restored keys are back in rotation");
        assertMessageOnly(api.post("/api/keys/restore-all-invalid", "{\"group_id\":" + id + "}"), "0 keys restored");

        bad.forEach(k -> up.on(k, FakeUpstream.json(401, "{\"error\":{\"message\":\"bad key\"}}")));
        for (int i = 0; i < 4; i++) {
            Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
        }
        awaitInvalid(api, id, 3, 10_000);
        assertEquals(3, total(api, id, "&status=invalid"));
        assertMessageOnly(api.post("/api/keys/clear-all-invalid", "{\"group_id\":" + id + "}"), "3 invalid keys cleared");
        assertEquals(Set.of(good), values(api, id, ""));
        assertMessageOnly(api.post("/api/keys/clear-all-invalid", "{\"group_id\":" + id + "}"), "0 invalid keys cleared");

        Fixtures.keys(api, id, "sk-more-" + name);
        assertMessageOnly(api.post("/api/keys/clear-all", "{\"group_id\":" + id + "}"), "2 keys cleared");
        assertEquals(0, total(api, id, ""));
        HttpResponse<String> none = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
        assertTrue(none.statusCode() >= 500, "no key left in rotation: " + none.statusCode() + " " + none.body());

        for (String route : List.of("restore-all-invalid", "clear-all-invalid", "clear-all")) {
            assertEquals("INVALID_JSON", api.post("/api/keys/" + route, "{}").obj().getString("code"), route);
            assertEquals("INVALID_JSON", api.post("/api/keys/" + route, "{\"group_id\":\"1\"}").obj().getString("code"));
            assertEquals("INVALID_JSON", api.post("/api/keys/" + route, "nope").obj().getString("code"));
            assertError(api.post("/api/keys/" + route, "{\"group_id\":99999999}"), 404, "NOT_FOUND", "Resource not found");
        }
    }

    @Test
    void exportStreamsDecryptedKeysByStatusAsAnAttachment(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("kexp");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":1}");
        List<String> bad = invalidKeys(api, up, id, name, 2);
        List<String> good = List.of("sk-g1-" + name, "sk-g2-" + name, "sk-g3-" + name);
        Fixtures.keys(api, id, good.toArray(String[]::new));

        HttpResponse<String> all = export(api, "group_id=" + id);
        assertEquals(200, all.statusCode(), all.body());
        assertEquals("text/plain; charset=utf-8", all.headers().firstValue("Content-Type").orElse("").toLowerCase());
        assertEquals("attachment; filename=keys-" + name + "-all.txt",
                all.headers().firstValue("Content-Disposition").orElse(""));
        List<String> expected = new ArrayList<>(bad);
        expected.addAll(good);
        assertEquals(String.join("\n", expected) + "\n", all.body(), "one key per line, oldest first");

        HttpResponse<String> active = export(api, "group_id=" + id + "&status=active");
        assertEquals(String.join("\n", good) + "\n", active.body());
        assertEquals("attachment; filename=keys-" + name + "-active.txt",
                active.headers().firstValue("Content-Disposition").orElse(""));
        HttpResponse<String> invalid = export(api, "group_id=" + id + "&status=invalid");
        assertEquals(String.join("\n", bad) + "\n", invalid.body());
        assertEquals(all.body(), export(api, "group_id=" + id + "&status=").body(), "empty status means all");

        String empty = Fixtures.unique("kexp0");
        long emptyId = Fixtures.group(api, empty, "openai", up.baseUrl(), "pk-" + empty, "");
        HttpResponse<String> none = export(api, "group_id=" + emptyId);
        assertEquals(200, none.statusCode());
        assertEquals("", none.body());

        assertError(api.get("/api/keys/export?group_id=" + id + "&status=bogus"), 400, "VALIDATION_FAILED", "Invalid status filter");
        assertError(api.get("/api/keys/export"), 400, "BAD_REQUEST", "group_id is required");
        assertError(api.get("/api/keys/export?group_id=x"), 400, "BAD_REQUEST", "Invalid group ID format");
        assertError(api.get("/api/keys/export?group_id=99999999"), 404, "NOT_FOUND", "Resource not found");
        HttpResponse<String> anonymous = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/api/keys/export?group_id=" + id)));
        assertEquals(401, anonymous.statusCode());
        assertFalse(anonymous.body().contains("sk-"), anonymous.body());
    }

    @Test
    void notesAreTrimmedLimitedAndStored(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("knote");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        Fixtures.keys(api, id, "sk-n-" + name);
        JsonObject key = api.get("/api/keys?group_id=" + id).data().getJsonArray("items").getJsonObject(0);
        long keyId = key.getJsonNumber("id").longValue();

        Api.Resp ok = api.put("/api/keys/" + keyId + "/notes", "{\"notes\":\"  main account ✓ \\n\"}");
        assertEquals(200, ok.status(), ok.body());
        assertEquals(Set.of("code", "message"), ok.obj().keySet(), "no data: " + ok.body());
        assertEquals(0, ok.obj().getInt("code"));
        assertEquals("Success", ok.obj().getString("message"));
        JsonObject after = api.get("/api/keys?group_id=" + id).data().getJsonArray("items").getJsonObject(0);
        assertEquals("main account ✓", after.getString("notes"));

        String max = "é".repeat(254) + "✓";
        assertEquals(200, api.put("/api/keys/" + keyId + "/notes", "{\"notes\":\"" + max + "\"}").status());
        assertEquals(max, api.get("/api/keys?group_id=" + id).data().getJsonArray("items").getJsonObject(0).getString("notes"));
        assertError(api.put("/api/keys/" + keyId + "/notes", "{\"notes\":\"" + "é".repeat(256) + "\"}"),
                400, "VALIDATION_FAILED", "notes length must be <= 255 characters");
        assertEquals(max, api.get("/api/keys?group_id=" + id).data().getJsonArray("items").getJsonObject(0).getString("notes"),
                "a rejected update changes nothing");
        assertEquals(200, api.put("/api/keys/" + keyId + "/notes", "{}").status(), "absent notes clear them");
        assertEquals("", api.get("/api/keys?group_id=" + id).data().getJsonArray("items").getJsonObject(0).getString("notes"));

        assertError(api.put("/api/keys/99999999/notes", "{\"notes\":\"x\"}"), 404, "NOT_FOUND", "Resource not found");
        assertError(api.put("/api/keys/abc/notes", "{\"notes\":\"x\"}"), 400, "BAD_REQUEST", "invalid key ID format");
        assertError(api.put("/api/keys/0/notes", "{\"notes\":\"x\"}"), 400, "BAD_REQUEST", "invalid key ID format");
        assertEquals("INVALID_JSON", api.put("/api/keys/" + keyId + "/notes", "{\"notes\":").obj().getString("code"));
        assertEquals("INVALID_JSON", api.put("/api/keys/" + keyId + "/notes", "{\"notes\":5}").obj().getString("code"));
    }

    // ---- helpers ----

    /** Adds {@code n} keys the fake upstream refuses with 401 and proxies until the gateway marked them invalid. */
    private static List<String> invalidKeys(Api api, FakeUpstream up, long id, String name, int n) throws Exception {
        List<String> bad = IntStream.range(0, n).mapToObj(i -> "sk-bad" + i + "-" + name).toList();
        bad.forEach(k -> up.on(k, FakeUpstream.json(401, "{\"error\":{\"message\":\"bad key\"}}")));
        Fixtures.keys(api, id, bad.toArray(String[]::new));
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
            assertEquals(401, r.statusCode(), r.body());
        }
        awaitInvalid(api, id, n, 10_000);
        assertEquals(n, total(api, id, "&status=invalid"));
        return bad;
    }

    private static void awaitInvalid(Api api, long id, int n, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (total(api, id, "&status=invalid") < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    private static long total(Api api, long id, String query) {
        Api.Resp r = api.get("/api/keys?group_id=" + id + "&page_size=1" + query);
        assertEquals(200, r.status(), r.body());
        return r.data().getJsonObject("pagination").getJsonNumber("total_items").longValue();
    }

    private static Set<String> values(Api api, long id, String query) {
        Api.Resp r = api.get("/api/keys?group_id=" + id + "&page_size=1000" + query);
        return r.data().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("key_value"))
                .collect(Collectors.toSet());
    }

    private static void assertError(Api.Resp r, int status, String code, String message) {
        assertEquals(status, r.status(), r.body());
        assertEquals(Set.of("code", "message"), r.obj().keySet(), r.body());
        assertEquals(code, r.obj().getString("code"), r.body());
        assertEquals(message, r.obj().getString("message"), r.body());
    }

    private static void assertMessageOnly(Api.Resp r, String message) {
        assertEquals(200, r.status(), r.body());
        assertEquals(Set.of("code", "message"), r.obj().keySet(), "no data: " + r.body());
        assertEquals(0, r.obj().getInt("code"));
        assertEquals(message, r.obj().getString("message"));
    }

    private static Api.Resp upload(Api api, List<String[]> fields, String fileName, String text) throws Exception {
        String boundary = "----it" + System.nanoTime();
        HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/api/keys/add-async"))
                .header("Authorization", "Bearer " + Gateway.AUTH_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(Tasks.multipart(boundary, fields, fileName, text)));
        return new Api.Resp(r.statusCode(), r.headers(), r.body());
    }

    private static HttpResponse<String> export(Api api, String query) throws Exception {
        return Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/api/keys/export?" + query + "&key="
                + URLEncoder.encode(Gateway.AUTH_KEY, StandardCharsets.UTF_8))));
    }
}
