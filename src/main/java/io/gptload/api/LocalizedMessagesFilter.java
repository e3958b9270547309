package io.gptload.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;

/**
 * Puts the {@code message} of an enveloped JSON answer into the caller's language
 * ({@code Accept-Language}: zh-CN, ja-JP; English otherwise). Only fixed texts known to
 * {@link ApiMessages} change; validation messages are already localized by the exception mapper.
 */
@Provider
public class LocalizedMessagesFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext resp) {
        String lang = req.getHeaderString("Accept-Language");
        if (lang == null || lang.isBlank() || !(resp.getEntity() instanceof String body) || !body.startsWith("{")) {
            return;
        }
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            o = r.readObject();
        } catch (RuntimeException notJson) {
            return;
        }
        if (!(o.get("message") instanceof JsonString m)) {
            return;
        }
        String localized = ApiMessages.localize(m.getString(), lang);
        if (!localized.equals(m.getString())) {
            JsonValue replaced = Json.createObjectBuilder(o).add("message", localized).build();
            resp.setEntity(replaced.toString(), resp.getEntityAnnotations(), resp.getMediaType());
        }
    }
}
