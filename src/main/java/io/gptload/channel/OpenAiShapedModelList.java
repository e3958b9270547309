package io.gptload.channel;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * Model lists shaped {@code {"data": [{"id": ...}]}} (OpenAI, Responses, Anthropic and Gemini's
 * OpenAI-compatible endpoint). Rule keys become {@code {"id":k,"object":"model","created":0,"owned_by":"system"}}.
 */
final class OpenAiShapedModelList {

    private OpenAiShapedModelList() {
    }

    /** Strict: {@code data} is the rule keys only; otherwise upstream entries plus rule keys whose id is absent. */
    static JsonObject rewrite(JsonObject root, ModelRedirect redirect) {
        if (!(root.get("data") instanceof JsonArray upstream)) {
            return root;
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        Set<String> present = new HashSet<>();
        if (!redirect.strict()) {
            upstream.forEach(entry -> {
                data.add(entry);
                String id = JsonTrees.stringMember(entry, "id");
                if (id != null) {
                    present.add(id);
                }
            });
        }
        for (String model : redirect.rules().keySet()) {
            if (!present.contains(model)) {
                data.add(Json.createObjectBuilder()
                        .add("id", model).add("object", "model").add("created", 0).add("owned_by", "system"));
            }
        }
        return Json.createObjectBuilder(root).add("data", data).build();
    }
}
