package io.gptload.api;

import io.gptload.cluster.TaskStatus;
import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupSnapshot;
import io.gptload.keypool.KeyBatchResult;
import io.gptload.keypool.KeyRepository;
import io.gptload.keypool.KeyService;
import io.gptload.keypool.KeyTestResult;
import io.gptload.keypool.KeyValidationTasks;
import io.gptload.keypool.TaskRefusedException;
import io.gptload.keypool.StoredKey;
import io.gptload.shared.PageRequest;
import io.gptload.shared.PageResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /api/keys}: list, the synchronous bulk operations, group validation and key tests (spec §3.3 Keys). */
@ApplicationScoped
@Path("keys")
public class KeysResource {

    private KeyService keys;
    private KeyRepository repo;
    private GroupCatalog catalog;
    private KeyValidationTasks validation;

    protected KeysResource() {
        // for CDI proxies
    }

    @Inject
    public KeysResource(KeyService keys, KeyRepository repo, GroupCatalog catalog, KeyValidationTasks validation) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.repo = Objects.requireNonNull(repo, "repo");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.validation = Objects.requireNonNull(validation, "validation");
    }

    @GET
    public Response list(@QueryParam("group_id") String groupId, @QueryParam("page") String page,
                         @QueryParam("page_size") String pageSize, @QueryParam("status") String status,
                         @QueryParam("key_value") String keyValue) throws SQLException {
        long gid = Ids.parse(groupId, "group_id is required");
        requireGroup(gid);
        String st = "active".equals(status) || "invalid".equals(status) ? status : null;
        String hash = keyValue == null || keyValue.isBlank() ? null : keys.hash(keyValue.strip());
        PageRequest p = PageRequest.of(page, pageSize);
        long total = repo.count(gid, st, hash);
        List<StoredKey> rows = repo.page(gid, st, hash, p.offset(), p.pageSize());
        PageResult<StoredKey> result = PageResult.of(rows, p, total);
        return Envelope.ok(result.toJson(k -> KeyJson.of(k, keys.displayValue(k.keyValue()))));
    }

    @POST
    @Path("add-multiple")
    @Consumes("*/*")
    public Response addMultiple(String body) throws SQLException {
        Request r = Request.parse(body);
        requireGroup(r.groupId());
        return batch(keys.add(r.groupId(), r.text()), "added_count");
    }

    @POST
    @Path("delete-multiple")
    @Consumes("*/*")
    public Response deleteMultiple(String body) throws SQLException {
        Request r = Request.parse(body);
        requireGroup(r.groupId());
        return batch(keys.delete(r.groupId(), r.text()), "deleted_count");
    }

    @POST
    @Path("restore-multiple")
    @Consumes("*/*")
    public Response restoreMultiple(String body) throws SQLException {
        Request r = Request.parse(body);
        requireGroup(r.groupId());
        return batch(keys.restore(r.groupId(), r.text()), "restored_count");
    }

    /** Starts the async {@code KEY_VALIDATION} task: {@code {"group_id", "status"?}} (active, invalid, or all). */
    @POST
    @Path("validate-group")
    @Consumes("*/*")
    public Response validateGroup(String body) throws SQLException {
        JsonObject o = JsonBodies.object(body);
        long gid = JsonBodies.requiredId(o, "group_id");
        String status = optionalString(o, "status");
        if (!status.isEmpty() && !"active".equals(status) && !"invalid".equals(status)) {
            throw ApiException.validation("Invalid status value");
        }
        GroupSnapshot group = standardGroup(gid);
        try {
            TaskStatus started = validation.startGroupValidation(group, status.isEmpty() ? null : status);
            return Envelope.ok(started.toJson(Map.of()));
        } catch (TaskRefusedException e) {
            throw new ApiException(409, "TASK_IN_PROGRESS", e.getMessage());
        }
    }

    /** Tests pasted keys now: {@code {"results":[{key_value, is_valid, error?}], "total_duration": ms}}. */
    @POST
    @Path("test-multiple")
    @Consumes("*/*")
    public Response testMultiple(String body) throws SQLException {
        Request r = Request.parse(body);
        GroupSnapshot group = standardGroup(r.groupId());
        long t0 = System.nanoTime();
        List<KeyTestResult> results = validation.test(group, r.text());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (KeyTestResult t : results) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("key_value", t.key().value())
                    .add("is_valid", t.valid());
            if (!t.error().isEmpty()) {
                item.add("error", t.error());
            }
            items.add(item);
        }
        return Envelope.ok(Json.createObjectBuilder().add("results", items).add("total_duration", millis).build());
    }

    private GroupSnapshot standardGroup(long id) {
        GroupSnapshot g = catalog.byId(id).orElseThrow(ApiException::notFound);
        if (g.aggregate()) {
            throw ApiException.badRequest("Aggregate groups have no keys of their own; validate their sub-groups");
        }
        return g;
    }

    private static String optionalString(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.invalidJson("field '" + field + "' must be a string");
        }
        return ((jakarta.json.JsonString) v).getString();
    }

    private Response batch(KeyBatchResult r, String changedName) {
        return Envelope.ok(Json.createObjectBuilder().add(changedName, r.changed()).add("ignored_count", r.ignored())
                .add("total_in_group", r.totalInGroup()).build());
    }

    private void requireGroup(long id) {
        if (catalog.byId(id).isEmpty()) {
            throw ApiException.notFound();
        }
    }

    /** The body of the bulk routes: {@code {"group_id", "keys_text"}}. */
    private record Request(long groupId, String text) {
        static Request parse(String body) {
            JsonObject o = JsonBodies.object(body);
            return new Request(JsonBodies.requiredId(o, "group_id"), JsonBodies.requiredString(o, "keys_text"));
        }
    }
}
