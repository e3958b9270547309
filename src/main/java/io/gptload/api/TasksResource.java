package io.gptload.api;

import io.gptload.cluster.TaskSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Objects;

/** {@code GET /api/tasks/status}: the one async-task slot (spec §3.2 TaskStatus). */
@ApplicationScoped
@Path("tasks")
public class TasksResource {

    private TaskSlot slot;

    protected TasksResource() {
        // for CDI proxies
    }

    @Inject
    public TasksResource(TaskSlot slot) {
        this.slot = Objects.requireNonNull(slot, "slot");
    }

    @GET
    @Path("status")
    public Response status() {
        return Envelope.ok(slot.status().toJson(Map.of()));
    }
}
