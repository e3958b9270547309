package io.gptload.api;

import io.gptload.group.GroupCatalog;
import io.gptload.keypool.KeyCleanup;
import io.gptload.keypool.KeyNotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Whole-group key maintenance and key notes (spec §3.3): {@code restore-all-invalid},
 * {@code clear-all-invalid}, {@code clear-all} (message-only answers with the count) and
 * {@code PUT /api/keys/{id}/notes}.
 */
@ApplicationScoped
@Path("keys")
public class KeyMaintenanceResource {

    private KeyCleanup cleanup;
    private KeyNotes notes;
    private GroupCatalog catalog;

    protected KeyMaintenanceResource() {
        // for CDI proxies
    }

    @Inject
    public KeyMaintenanceResource(KeyCleanup cleanup, KeyNotes notes, GroupCatalog catalog) {
        this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @POST
    @Path("restore-all-invalid")
    @Consumes("*/*")
    public Response restoreAllInvalid(String body) throws SQLException {
        return Envelope.ok(null, cleanup.restoreAllInvalid(group(body)) + " keys restored");
    }

    @POST
    @Path("clear-all-invalid")
    @Consumes("*/*")
    public Response clearAllInvalid(String body) throws SQLException {
        return Envelope.ok(null, cleanup.clearAllInvalid(group(body)) + " invalid keys cleared");
    }

    @POST
    @Path("clear-all")
    @Consumes("*/*")
    public Response clearAll(String body) throws SQLException {
        return Envelope.ok(null, cleanup.clearAll(group(body)) + " keys cleared");
    }

    @PUT
    @Path("{id}/notes")
    @Consumes("*/*")
    public Response notes(@PathParam("id") String id, String body) throws SQLException {
        long keyId = keyId(id);
        JsonValue v = JsonBodies.object(body).get("notes");
        String text;
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            text = "";
        } else if (v instanceof JsonString s) {
            text = s.getString();
        } else {
            throw ApiException.invalidJson("field 'notes' must be a string");
        }
        KeyNotes.normalize(text);
        if (!notes.update(keyId, text)) {
            throw ApiException.notFound();
        }
        return Envelope.ok(null);
    }

    private long group(String body) {
        JsonObject o = JsonBodies.object(body);
        return KnownGroups.require(catalog, JsonBodies.requiredId(o, "group_id")).id();
    }

    private static long keyId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(id) == 0) {
            throw ApiException.badRequest("invalid key ID format");
        }
        return Long.parseLong(id);
    }
}
