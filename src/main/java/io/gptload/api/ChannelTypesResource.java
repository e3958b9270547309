package io.gptload.api;

import io.gptload.channel.ChannelType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/channel-types}: the registered channel types. */
@ApplicationScoped
@Path("channel-types")
public class ChannelTypesResource {

    @GET
    public Response list() {
        JsonArrayBuilder types = Json.createArrayBuilder();
        for (ChannelType t : ChannelType.values()) {
            types.add(t.id());
        }
        return Envelope.ok(types.build());
    }
}
