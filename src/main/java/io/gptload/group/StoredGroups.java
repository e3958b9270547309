package io.gptload.group;

import io.gptload.channel.ChannelType;
import io.gptload.settings.GroupConfigOverrides;
import io.gptload.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Turns a stored {@code groups} row into a {@link GroupDefinition}, leniently: a database written
 * by gpt-load or by hand may hold values our API would refuse, and one bad column must not hide the
 * whole group. Broken parts are logged (without values) and read as empty.
 */
public final class StoredGroups {

    private static final Logger LOG = Logger.getLogger(StoredGroups.class.getName());

    private StoredGroups() {
    }

    /** The definition of a row; {@code null} when its channel type is unknown (such a group cannot serve). */
    public static GroupDefinition toDefinition(GroupEntity e) {
        ChannelType channel = ChannelType.fromId(GroupValidator.trimmed(e.getChannelType())).orElse(null);
        if (channel == null) {
            LOG.warning("group " + e.getId() + " has an unknown channel type and is skipped");
            return null;
        }
        String where = "group " + e.getId() + " ";
        boolean aggregate = "aggregate".equals(e.getGroupType());
        long id = e.getId() == null ? 0 : e.getId();
        return new GroupDefinition(id, e.getName(), e.getDisplayName(), e.getDescription(), aggregate,
                aggregate ? List.of() : upstreams(parse(e.getUpstreams()), where),
                channel, e.getSort(), e.getTestModel(), e.getValidationEndpoint(),
                lenient(e.getParamOverrides(), ParamOverrides::parse, Map.of(), where + "param_overrides"),
                lenient(e.getModelRedirectRules(), ModelRedirectRules::parse, Map.of(), where + "model_redirect_rules"),
                e.isModelRedirectStrict(),
                GroupConfigOverrides.fromStored(parse(e.getConfig()),
                        x -> LOG.warning(where + "config: ignored " + x.field())),
                lenient(e.getHeaderRules(), HeaderRules::parse, List.of(), where + "header_rules"),
                e.getProxyKeys(), e.getLastValidatedAt(), e.getCreatedAt(), e.getUpdatedAt());
    }

    /** JSON text as a value; null, blank or malformed text reads as JSON null. */
    static JsonValue parse(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.NULL;
        }
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readValue();
        } catch (RuntimeException e) {
            return JsonValue.NULL;
        }
    }

    private static <T> T lenient(String text, Function<JsonValue, T> parser, T fallback, String what) {
        try {
            return parser.apply(parse(text));
        } catch (ValidationException e) {
            LOG.warning(what + " is invalid and ignored: " + e.field());
            return fallback;
        }
    }

    /** Upstreams as validated, or else every well-formed entry (a group whose weights are all 0 keeps them). */
    private static List<Upstream> upstreams(JsonValue value, String where) {
        try {
            return Upstreams.parse(value);
        } catch (ValidationException e) {
            LOG.warning(where + "upstreams are invalid: " + e.field());
        }
        List<Upstream> kept = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject o && o.get("url") instanceof JsonString url
                        && o.get("weight") instanceof JsonNumber w && w.isIntegral() && w.intValue() >= 0) {
                    kept.add(new Upstream(url.getString().strip(), w.intValue()));
                }
            }
        }
        return List.copyOf(kept);
    }
}
