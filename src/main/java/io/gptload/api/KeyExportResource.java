package io.gptload.api;

import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupSnapshot;
import io.gptload.keypool.KeyExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET /api/keys/export?group_id=&status=all|active|invalid}: the group's decrypted keys as
 * a streamed {@code text/plain} attachment {@code keys-{group}-{status}.txt} (spec §3.3).
 */
@ApplicationScoped
@Path("keys")
public class KeyExportResource {

    private static final Set<String> STATUSES = Set.of("all", "active", "invalid");

    private KeyExport export;
    private GroupCatalog catalog;

    protected KeyExportResource() {
        // for CDI proxies
    }

    @Inject
    public KeyExportResource(KeyExport export, GroupCatalog catalog) {
        this.export = Objects.requireNonNull(export, "export");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @GET
    @Path("export")
    public Response export(@QueryParam("group_id") String groupId, @QueryParam("status") String status) {
        long id = Ids.parse(groupId, "group_id is required");
        String filter = status == null || status.isEmpty() ? "all" : status;
        if (!STATUSES.contains(filter)) {
            throw ApiException.validation("Invalid status filter");
        }
        GroupSnapshot group = KnownGroups.require(catalog, id);
        StreamingOutput body = out -> {
            try {
                export.write(group.id(), filter.equals("all") ? null : filter, out);
            } catch (SQLException e) {
                throw new IOException("key export failed: " + e.getSQLState(), e);
            }
        };
        return Response.ok(body).header("Content-Type", "text/plain; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=keys-" + group.name() + "-" + filter + ".txt")
                .build();
    }
}
