package io.gptload.group;

import io.gptload.settings.HttpUrls;
import io.gptload.settings.ValidationMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Parses and renders a standard group's {@code upstreams}: a JSON array of {@code {url, weight}}. */
public final class Upstreams {

    private static final String FIELD = "upstreams";

    private Upstreams() {
    }

    /**
     * Validates and normalises (trimmed URLs) the upstream list. URLs must be http(s) with a host,
     * weights integers ≥ 0 (missing = 0), and at least one weight must be above 0.
     *
     * @throws io.gptload.shared.ValidationException naming the field, e.g. {@code upstreams[1].url}
     */
    public static List<Upstream> parse(JsonValue value) {
        if (JsonFields.isNull(value)) {
            throw ValidationMessage.REQUIRED.exception(FIELD);
        }
        if (!(value instanceof JsonArray array)) {
            throw ValidationMessage.NOT_ARRAY.exception(FIELD);
        }
        List<Upstream> upstreams = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String field = FIELD + "[" + i + "]";
            JsonObject item = JsonFields.object(array.get(i), field);
            String url = JsonFields.string(item, "url", field + ".url").trim();
            if (url.isEmpty()) {
                throw ValidationMessage.REQUIRED.exception(field + ".url");
            }
            if (!HttpUrls.isValid(url)) {
                throw ValidationMessage.INVALID_HTTP_URL.exception(field + ".url");
            }
            upstreams.add(new Upstream(url, JsonFields.nonNegativeInt(item, "weight", field + ".weight")));
        }
        if (upstreams.stream().noneMatch(u -> u.weight() > 0)) {
            throw ValidationMessage.NO_ACTIVE_UPSTREAM.exception(FIELD);
        }
        return List.copyOf(upstreams);
    }

    /** The list as a JSON array of {@code {"url","weight"}}. */
    public static JsonArray toJsonArray(List<Upstream> upstreams) {
        Objects.requireNonNull(upstreams, "upstreams");
        JsonArrayBuilder json = Json.createArrayBuilder();
        upstreams.forEach(u -> json.add(Json.createObjectBuilder().add("url", u.url()).add("weight", u.weight())));
        return json.build();
    }

    /** The list as JSON text, as stored in {@code groups.upstreams}. */
    public static String toJson(List<Upstream> upstreams) {
        return toJsonArray(upstreams).toString();
    }
}
