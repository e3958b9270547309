package io.gptload.channel;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * Gemini's native model list {@code {"models": [{"name": "models/..."}], "nextPageToken": ...}}.
 * Rule keys become {@code {"name":"models/k","displayName":k,"supportedGenerationMethods":["generateContent"]}}.
 */
final class GeminiModelList {

    private static final String PREFIX = "models/";

    private GeminiModelList() {
    }

    /** Strict: rule keys only and no {@code nextPageToken}; otherwise, on the first page only, rule keys missing upstream are appended. */
    static JsonObject rewrite(JsonObject root, ModelRedirect redirect, boolean firstPage) {
        if (!(root.get("models") instanceof JsonArray upstream) || !redirect.strict() && !firstPage) {
            return root;
        }
        JsonArrayBuilder models = Json.createArrayBuilder();
        Set<String> present = new HashSet<>();
        if (!redirect.strict()) {
            upstream.forEach(entry -> {
                models.add(entry);
                String name = JsonTrees.stringMember(entry, "name");
                if (name != null) {
                    present.add(bare(name));
                }
            });
        }
        for (String model : redirect.rules().keySet()) {
            if (present.add(bare(model))) {
                models.add(Json.createObjectBuilder()
                        .add("name", model.startsWith(PREFIX) ? model : PREFIX + model)
                        .add("displayName", model)
                        .add("supportedGenerationMethods", Json.createArrayBuilder().add("generateContent")));
            }
        }
        var result = Json.createObjectBuilder(root).add("models", models);
        if (redirect.strict()) {
            result.remove("nextPageToken");
        }
        return result.build();
    }

    private static String bare(String name) {
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }
}
