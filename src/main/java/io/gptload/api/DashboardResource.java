package io.gptload.api;

import io.gptload.dashboard.DashboardService;
import io.gptload.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.Objects;

/** {@code GET /api/dashboard/stats}, {@code /chart} and {@code /encryption-status} (spec §3.3). */
@ApplicationScoped
@Path("dashboard")
public class DashboardResource {

    private DashboardService dashboard;
    private SettingsService settings;

    protected DashboardResource() {
        // for CDI proxies
    }

    @Inject
    public DashboardResource(DashboardService dashboard, SettingsService settings) {
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @GET
    @Path("stats")
    public Response stats() {
        return Envelope.ok(dashboard.stats(settings.current().proxyKeys()).toJson());
    }

    /** {@code groupId} optional; anything but a group id is 400 {@code BAD_REQUEST}. */
    @GET
    @Path("chart")
    public Response chart(@QueryParam("groupId") String groupId) {
        Long id = groupId == null || groupId.isEmpty() ? null : GroupIds.parse(groupId);
        return Envelope.ok(dashboard.chart(id).toJson(ZoneId.systemDefault()));
    }

    @GET
    @Path("encryption-status")
    public Response encryptionStatus() {
        return Envelope.ok(dashboard.encryptionStatus().toJson());
    }
}
