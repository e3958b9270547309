package io.gptload.api;

import io.gptload.group.IntegrationDirectory;
import io.gptload.group.IntegrationDirectory.Answer;
import io.gptload.group.IntegrationInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/**
 * {@code GET /api/integration/info?key=} (public, spec §3.3): the groups a proxy key may use, for
 * New API's import.
 */
@ApplicationScoped
@Path("integration")
public class IntegrationResource {

    private IntegrationDirectory directory;

    protected IntegrationResource() {
        // for CDI proxies
    }

    @Inject
    public IntegrationResource(IntegrationDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @GET
    @Path("info")
    public Response info(@QueryParam("key") String key) {
        return switch (directory.all(key)) {
            case Answer.Found f -> {
                JsonArrayBuilder a = Json.createArrayBuilder();
                f.groups().stream().map(IntegrationInfo::toJson).forEach(a::add);
                yield Envelope.ok(a.build());
            }
            case Answer.KeyMissing m -> throw ApiException.validation("Proxy key is required");
            case Answer.Unauthorized u -> throw ApiException.validation("Invalid or unauthorized proxy key");
            case Answer.GroupNotFound g -> throw ApiException.notFound();
        };
    }
}
