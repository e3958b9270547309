package io.gptload.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** gpt-load's success envelope: {@code {"code":0,"message":...,"data":...}} (spec §3.1). */
public final class Envelope {

    private Envelope() {
    }

    public static Response ok(JsonValue data) {
        return ok(data, Messages.SUCCESS);
    }

    /** {@code data} null omits the field, as gpt-load does for message-only answers. */
    public static Response ok(JsonValue data, String message) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("code", 0).add("message", message);
        if (data != null) {
            b.add("data", data);
        }
        return Response.ok(b.build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build();
    }

    public static Response error(int status, String code, String message) {
        String body = Json.createObjectBuilder().add("code", code).add("message", message == null ? "" : message)
                .build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).entity(body).build();
    }
}
