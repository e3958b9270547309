package io.gptload.channel;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashSet;
import java.util.Set;

/**
 * Model lists shaped {@code {"data": [{"id": ...}]}} (OpenAI, Responses, Anthropic and Gemini's
 * OpenAI-compatible endpoint). Rule keys become {@code {"id":k,"object":"model","created":0,"owned_by":"system"}};
 * for Anthropic the entry also carries the fields Anthropic's model objects have ({@code type},
 * {@code display_name}, {@code created_at}), without which its official SDK fails on a listed
 * model's name or date.
 */
final class OpenAiShapedModelList {

    private OpenAiShapedModelList() {
    }

    /** Strict: {@code data} is the rule keys only; otherwise upstream entries plus rule keys whose id is absent. */
    static JsonObject rewrite(JsonObject root, ModelRedirect redirect) {
        return rewrite(root, redirect, false);
    }

    /** As {@link #rewrite(JsonObject, ModelRedirect)}, the added entries Anthropic-readable too when asked. */
    static JsonObject rewrite(JsonObject root, ModelRedirect redirect, boolean anthropicFields) {
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
                JsonObjectBuilder entry = Json.createObjectBuilder()
                        .add("id", model).add("object", "model").add("created", 0).add("owned_by", "system");
                if (anthropicFields) {
                    entry.add("type", "model").add("display_name", model).add("created_at", "1970-01-01T00:00:00Z");
                }
                data.add(entry);
            }
        }
        return Json.createObjectBuilder(root).add("data", data).build();
    }
}
