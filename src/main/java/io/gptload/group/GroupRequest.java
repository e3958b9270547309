package io.gptload.group;

import io.gptload.settings.ValidationMessage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A create or update body of {@code /api/groups}, typed but not yet validated. A {@code null}
 * component means "absent or JSON null" (gpt-load's pointer semantics: not changed on update);
 * the five JSON-valued fields are kept as JSON for their own parsers.
 */
public record GroupRequest(String name, String displayName, String description, String groupType,
                           String channelType, Integer sort, String testModel, String validationEndpoint,
                           Boolean modelRedirectStrict, String proxyKeys, JsonValue upstreams,
                           JsonValue paramOverrides, JsonValue modelRedirectRules, JsonValue config,
                           JsonValue headerRules) {

    /**
     * Reads the known members of a body; unknown members are ignored, as gpt-load's binding does.
     *
     * @throws io.gptload.shared.ValidationException naming the field when a member has the wrong JSON type
     */
    public static GroupRequest from(JsonObject body) {
        Objects.requireNonNull(body, "body");
        return new GroupRequest(string(body, "name"), string(body, "display_name"), string(body, "description"),
                string(body, "group_type"), string(body, "channel_type"), integer(body, "sort"),
                string(body, "test_model"), string(body, "validation_endpoint"),
                bool(body, "model_redirect_strict"), string(body, "proxy_keys"), json(body, "upstreams"),
                json(body, "param_overrides"), json(body, "model_redirect_rules"), json(body, "config"),
                json(body, "header_rules"));
    }

    private static JsonValue json(JsonObject body, String name) {
        JsonValue v = body.get(name);
        return JsonFields.isNull(v) ? null : v;
    }

    private static String string(JsonObject body, String name) {
        JsonValue v = json(body, name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ValidationMessage.NOT_STRING.exception(name);
        }
        return s.getString();
    }

    private static Integer integer(JsonObject body, String name) {
        JsonValue v = json(body, name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw ValidationMessage.NOT_INTEGER.exception(name);
        }
        BigInteger big = n.bigIntegerValue();
        if (big.bitLength() > 31) {
            throw big.signum() < 0 ? ValidationMessage.BELOW_MIN.exception(name, Integer.MIN_VALUE)
                    : ValidationMessage.ABOVE_MAX.exception(name, Integer.MAX_VALUE);
        }
        return big.intValue();
    }

    private static Boolean bool(JsonObject body, String name) {
        JsonValue v = json(body, name);
        if (v == null) {
            return null;
        }
        return switch (v.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> throw ValidationMessage.NOT_BOOLEAN.exception(name);
        };
    }
}
