package io.gptload.api;

import io.gptload.cluster.TaskStatus;
import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupSnapshot;
import io.gptload.keypool.KeyDeletion;
import io.gptload.keypool.KeyImport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /api/keys/add-async} (JSON or a multipart {@code .txt} upload) and
 * {@code POST /api/keys/delete-async}: start a background task and answer its running
 * TaskStatus; a busy slot or input without keys is 409 {@code TASK_IN_PROGRESS} (spec §3.3).
 */
@ApplicationScoped
@Path("keys")
public class KeyTasksResource {

    private KeyImport imports;
    private KeyDeletion deletions;
    private GroupCatalog catalog;

    protected KeyTasksResource() {
        // for CDI proxies
    }

    @Inject
    public KeyTasksResource(KeyImport imports, KeyDeletion deletions, GroupCatalog catalog) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.deletions = Objects.requireNonNull(deletions, "deletions");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @POST
    @Path("add-async")
    @Consumes("*/*")
    public Response addAsync(String body) {
        JsonObject o = JsonBodies.object(body);
        return importText(JsonBodies.requiredId(o, "group_id"), JsonBodies.requiredString(o, "keys_text"));
    }

    @POST
    @Path("add-async")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addAsyncUpload(List<EntityPart> parts) {
        KeyUpload upload = KeyUpload.of(parts);
        return importText(upload.groupId(), upload.text());
    }

    @POST
    @Path("delete-async")
    @Consumes("*/*")
    public Response deleteAsync(String body) {
        JsonObject o = JsonBodies.object(body);
        long groupId = JsonBodies.requiredId(o, "group_id");
        String text = JsonBodies.requiredString(o, "keys_text");
        GroupSnapshot group = KnownGroups.require(catalog, groupId);
        KeyTexts.requireNotBlank(text);
        return started(deletions.start(group.id(), group.name(), text));
    }

    private Response importText(long groupId, String text) {
        GroupSnapshot group = KnownGroups.require(catalog, groupId);
        KeyTexts.requireNotBlank(text);
        return started(imports.start(group.id(), group.name(), text));
    }

    private static Response started(TaskStatus status) {
        return Envelope.ok(status.toJson(Map.of()));
    }
}
