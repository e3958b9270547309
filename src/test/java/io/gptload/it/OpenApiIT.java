package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document at {@code /openapi}: it describes every route of spec §3.3 and the data
 * plane, and nothing the gateway does not serve, so it cannot silently rot.
 */
@ExtendWith(SharedGateway.class)
class OpenApiIT {

    /** Every route of spec §3.3, "METHOD path" as the document spells it. */
    static final Set<String> SPEC_ROUTES = Set.of(
            "POST /api/auth/login", "GET /api/integration/info", "GET /api/channel-types", "GET /api/tasks/status",
            "POST /api/groups", "GET /api/groups", "GET /api/groups/list", "GET /api/groups/config-options",
            "PUT /api/groups/reorder", "PUT /api/groups/{id}", "DELETE /api/groups/{id}",
            "GET /api/groups/{id}/stats", "POST /api/groups/{id}/copy", "GET /api/groups/{id}/sub-groups",
            "POST /api/groups/{id}/sub-groups", "PUT /api/groups/{id}/sub-groups/{subGroupId}/weight",
            "DELETE /api/groups/{id}/sub-groups/{subGroupId}", "GET /api/groups/{id}/parent-aggregate-groups",
            "GET /api/keys", "GET /api/keys/export", "POST /api/keys/add-multiple", "POST /api/keys/add-async",
            "POST /api/keys/delete-multiple", "POST /api/keys/delete-async", "POST /api/keys/restore-multiple",
            "POST /api/keys/restore-all-invalid", "POST /api/keys/clear-all-invalid", "POST /api/keys/clear-all",
            "POST /api/keys/validate-group", "POST /api/keys/test-multiple", "PUT /api/keys/{id}/notes",
            "GET /api/dashboard/stats", "GET /api/dashboard/chart", "GET /api/dashboard/encryption-status",
            "GET /api/logs", "GET /api/logs/export", "GET /api/settings", "PUT /api/settings");

    static final Set<String> PUBLIC_ROUTES = Set.of("POST /api/auth/login", "GET /api/integration/info");

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** An id no test creates: routes that exist answer 404 NOT_FOUND in the envelope for it. */
    private static final String NO_SUCH_ID = "2147483647";

    private static JsonObject document(Gateway gw) throws Exception {
        HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(gw.uri("/openapi?format=JSON")));
        assertEquals(200, r.statusCode(), r.body());
        return Api.parse(r.body());
    }

    /** "METHOD path" of every operation in the document. */
    private static Set<String> operations(JsonObject doc) {
        Set<String> out = new TreeSet<>();
        doc.getJsonObject("paths").forEach((path, item) -> METHODS.stream()
                .filter(item.asJsonObject()::containsKey)
                .forEach(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return out;
    }

    private static JsonObject operation(JsonObject doc, String route) {
        String[] mp = route.split(" ", 2);
        return doc.getJsonObject("paths").getJsonObject(mp[1]).getJsonObject(mp[0].toLowerCase(Locale.ROOT));
    }

    /** Follows a local {@code $ref} such as {@code #/components/parameters/Page}. */
    private static JsonValue resolve(JsonObject doc, String ref) {
        assertTrue(ref.startsWith("#/"), "local reference: " + ref);
        JsonValue v = doc;
        for (String part : ref.substring(2).split("/")) {
            assertTrue(v instanceof JsonObject o && o.containsKey(part), "reference resolves: " + ref);
            v = v.asJsonObject().get(part);
        }
        return v;
    }

    private static JsonObject deref(JsonObject doc, JsonObject o) {
        return o.containsKey("$ref") ? resolve(doc, o.getString("$ref")).asJsonObject() : o;
    }

    @Test
    void servesTheDocumentAsYamlAndAsJson(Gateway gw) throws Exception {
        HttpResponse<String> yaml = Fixtures.send(HttpRequest.newBuilder(gw.uri("/openapi")));
        assertEquals(200, yaml.statusCode(), yaml.body());
        assertTrue(yaml.body().startsWith("openapi: 3.0.3\n"), yaml.body());
        assertTrue(yaml.body().contains("\n  /api/groups:\n"), "paths in YAML");

        JsonObject doc = document(gw);
        assertEquals("3.0.3", doc.getString("openapi"));
        assertEquals("GPT-Load/J", doc.getJsonObject("info").getString("title"));
        assertEquals("/", doc.getJsonArray("servers").getJsonObject(0).getString("url"),
                "relative server, right behind any host name or proxy");
    }

    @Test
    void documentsEveryRouteOfTheSpecAndNothingElse(Gateway gw) throws Exception {
        Set<String> expected = new TreeSet<>(SPEC_ROUTES);
        for (String m : METHODS) {
            expected.add(m.toUpperCase(Locale.ROOT) + " /proxy/{group}/{path}");
        }
        expected.add("GET /proxy/{group}/api/integration/info");
        assertEquals(expected, operations(document(gw)), "the static document, not a scan of the resources");
    }

    @Test
    void marksThePublicRoutesAndAsksTheAdminKeyEverywhereElse(Gateway gw) throws Exception {
        JsonObject doc = document(gw);
        Set<String> global = new TreeSet<>();
        doc.getJsonArray("security").forEach(s -> global.addAll(s.asJsonObject().keySet()));
        assertEquals(Set.of("adminBearer", "adminKeyQuery", "adminApiKeyHeader", "adminGoogApiKeyHeader"), global);

        JsonObject schemes = doc.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("bearer", schemes.getJsonObject("adminBearer").getString("scheme"));
        assertScheme(schemes.getJsonObject("adminKeyQuery"), "query", "key");
        assertScheme(schemes.getJsonObject("adminApiKeyHeader"), "header", "X-Api-Key");
        assertScheme(schemes.getJsonObject("adminGoogApiKeyHeader"), "header", "X-Goog-Api-Key");

        for (String route : SPEC_ROUTES) {
            JsonObject op = operation(doc, route);
            JsonObject responses = op.getJsonObject("responses");
            if (PUBLIC_ROUTES.contains(route)) {
                assertEquals(List.of(JsonValue.EMPTY_JSON_OBJECT), op.getJsonArray("security"), route + " is public");
                assertTrue(responses.containsKey("400"), route + " documents its bad-request answer");
            } else {
                assertFalse(op.containsKey("security"), route + " inherits the admin schemes");
                assertTrue(responses.containsKey("401"), route + " documents 401");
                assertTrue(responses.containsKey("429"), route + " documents login throttling");
            }
            assertTrue(responses.containsKey("200"), route + " documents its success");
        }
        JsonArray proxy = operation(doc, "POST /proxy/{group}/{path}").getJsonArray("security");
        assertEquals(4, proxy.size(), "four ways to present a proxy key");
    }

    private static void assertScheme(JsonObject scheme, String in, String name) {
        assertEquals("apiKey", scheme.getString("type"));
        assertEquals(in, scheme.getString("in"));
        assertEquals(name, scheme.getString("name"));
    }

    @Test
    void documentsTheErrorCodesOfTheRoutes(Gateway gw) throws Exception {
        JsonObject doc = document(gw);
        assertTrue(operation(doc, "POST /api/groups").getJsonObject("responses").containsKey("409"));
        assertTrue(operation(doc, "POST /api/keys/add-async").getJsonObject("responses").containsKey("409"));
        assertTrue(operation(doc, "POST /api/keys/validate-group").getJsonObject("responses").containsKey("409"));
        assertTrue(operation(doc, "PUT /api/groups/{id}").getJsonObject("responses").containsKey("404"));
        assertTrue(operation(doc, "PUT /api/settings").getJsonObject("responses").containsKey("400"));
        JsonObject codes = doc.getJsonObject("components").getJsonObject("schemas").getJsonObject("ErrorEnvelope")
                .getJsonObject("properties").getJsonObject("code");
        assertEquals("string", codes.getString("type"));
        Set<String> enumerated = new TreeSet<>(codes.getJsonArray("enum").getValuesAs(JsonString::getString));
        assertTrue(enumerated.containsAll(Set.of("BAD_REQUEST", "INVALID_JSON", "VALIDATION_FAILED", "UNAUTHORIZED",
                "NOT_FOUND", "DUPLICATE_RESOURCE", "TASK_IN_PROGRESS", "TOO_MANY_REQUESTS")), enumerated.toString());
        JsonObject success = doc.getJsonObject("components").getJsonObject("schemas").getJsonObject("SuccessEnvelope")
                .getJsonObject("properties").getJsonObject("code");
        assertEquals("integer", success.getString("type"));
        assertEquals(0, success.getJsonArray("enum").getInt(0));
        JsonObject pageSize = doc.getJsonObject("components").getJsonObject("parameters").getJsonObject("PageSize")
                .getJsonObject("schema");
        assertEquals(15, pageSize.getInt("default"));
        assertEquals(1000, pageSize.getInt("maximum"));
    }

    @Test
    void definesTheObjectShapesOfTheSpec(Gateway gw) throws Exception {
        JsonObject schemas = document(gw).getJsonObject("components").getJsonObject("schemas");
        Map<String, List<String>> shapes = Map.of(
                "GroupResponse", List.of("id", "name", "endpoint", "display_name", "description", "group_type",
                        "upstreams", "channel_type", "sort", "test_model", "validation_endpoint", "param_overrides",
                        "model_redirect_rules", "model_redirect_strict", "config", "header_rules", "proxy_keys",
                        "last_validated_at", "created_at", "updated_at"),
                "APIKey", List.of("id", "key_value", "key_hash", "group_id", "status", "notes", "request_count",
                        "failure_count", "last_used_at", "created_at", "updated_at"),
                "TaskStatus", List.of("task_type", "is_running", "group_name", "processed", "total", "result",
                        "error", "started_at", "finished_at", "duration_seconds"),
                "RequestLog", List.of("id", "timestamp", "group_id", "group_name", "parent_group_id",
                        "parent_group_name", "key_value", "key_hash", "model", "is_success", "source_ip",
                        "status_code", "request_path", "duration_ms", "error_message", "user_agent", "request_type",
                        "upstream_addr", "is_stream", "request_body"),
                "Pagination", List.of("page", "page_size", "total_items", "total_pages"),
                "SettingsCategory", List.of("category_name", "settings"),
                "SettingItem", List.of("key", "name", "value", "type", "default_value", "description", "category",
                        "min_value", "required"));
        shapes.forEach((name, fields) -> {
            JsonObject schema = schemas.getJsonObject(name);
            assertNotNull(schema, name);
            assertEquals(new TreeSet<>(fields), new TreeSet<>(schema.getJsonObject("properties").keySet()), name);
        });
        for (String name : List.of("SuccessEnvelope", "ErrorEnvelope", "Group", "GroupCreateRequest",
                "GroupUpdateRequest", "GroupConfig", "SystemSettings", "Upstream", "HeaderRule", "APIKeyPage",
                "RequestLogPage", "DashboardStats", "ChartData", "EncryptionStatus", "GroupStats", "SubGroupInfo",
                "KeysTextRequest", "LoginRequest", "LoginResult", "IntegrationInfo", "RouteNotFound")) {
            assertTrue(schemas.containsKey(name), "schema " + name);
        }
    }

    @Test
    void everyReferenceResolves(Gateway gw) throws Exception {
        JsonObject doc = document(gw);
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertTrue(refs.size() > 50, "references found: " + refs.size());
        refs.forEach(r -> resolve(doc, r));
    }

    private static void collectRefs(JsonValue v, List<String> out) {
        if (v instanceof JsonObject o) {
            o.forEach((k, child) -> {
                if (k.equals("$ref") && child instanceof JsonString s) {
                    out.add(s.getString());
                } else {
                    collectRefs(child, out);
                }
            });
        } else if (v instanceof JsonArray a) {
            a.forEach(child -> collectRefs(child, out));
        }
    }

    /**
     * Every documented {@code /api} route is served: called with AUTH_KEY, ids that do not exist
     * and a malformed body (nothing changes), it may fail validation or find nothing, but it never
     * gets the unknown-route answer {@code {"error":"Not Found"}} nor 405.
     */
    @Test
    void everyDocumentedRouteIsServed(Api api, Gateway gw) throws Exception {
        JsonObject doc = document(gw);
        List<String> unserved = new ArrayList<>();
        for (String route : operations(doc)) {
            String[] mp = route.split(" ", 2);
            if (!mp[1].startsWith("/api/")) {
                continue;
            }
            String url = mp[1].replaceAll("\\{[^}]*}", NO_SUCH_ID) + requiredQuery(doc, mp[1], operation(doc, route));
            String body = switch (mp[0]) {
                case "POST", "PUT" -> mp[1].equals("/api/auth/login")
                        ? "{\"auth_key\":\"" + Gateway.AUTH_KEY + "\"}" // a failed login would count
                        : "{";
                default -> null;
            };
            Api.Resp r = api.send(mp[0], url, body);
            boolean unknownRoute = r.status() == 404 && r.body().replace(" ", "").equals("{\"error\":\"NotFound\"}");
            if (unknownRoute || r.status() == 405) {
                unserved.add(route + " -> " + r.status());
            }
        }
        assertEquals(List.of(), unserved, "documented in /openapi but not served");
    }

    /** A query string with a value for each required query parameter. */
    private static String requiredQuery(JsonObject doc, String path, JsonObject op) {
        List<JsonValue> params = new ArrayList<>();
        JsonObject item = doc.getJsonObject("paths").getJsonObject(path);
        if (item.containsKey("parameters")) {
            params.addAll(item.getJsonArray("parameters"));
        }
        if (op.containsKey("parameters")) {
            params.addAll(op.getJsonArray("parameters"));
        }
        StringBuilder q = new StringBuilder();
        for (JsonValue v : params) {
            JsonObject p = deref(doc, v.asJsonObject());
            if (p.getString("in").equals("query") && p.getBoolean("required", false)) {
                boolean integer = "integer".equals(p.getJsonObject("schema").getString("type", ""));
                q.append(q.isEmpty() ? '?' : '&').append(p.getString("name")).append('=')
                        .append(integer ? NO_SUCH_ID : "x");
            }
        }
        return q.toString();
    }
}
