package io.gptload.group;

import io.gptload.settings.ValidationMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Parses, renders and applies a group's {@code header_rules}: a JSON array of {@code {key, value, action}}. */
public final class HeaderRules {

    private static final String FIELD = "header_rules";
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HeaderRules() {
    }

    /**
     * Validates and normalises the rules ({@code null} → none): keys trimmed and canonicalised,
     * rules with an empty key dropped, duplicate keys, actions other than {@code set}/{@code remove}
     * and values with line breaks or control characters rejected.
     *
     * @throws io.gptload.shared.ValidationException naming the field, e.g. {@code header_rules[0].action}
     */
    public static List<HeaderRule> parse(JsonValue value) {
        if (JsonFields.isNull(value)) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw ValidationMessage.NOT_ARRAY.exception(FIELD);
        }
        List<HeaderRule> rules = new ArrayList<>(array.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String field = FIELD + "[" + i + "]";
            JsonObject item = JsonFields.object(array.get(i), field);
            String key = JsonFields.string(item, "key", field + ".key").trim();
            String ruleValue = JsonFields.string(item, "value", field + ".value");
            String action = JsonFields.string(item, "action", field + ".action");
            if (key.isEmpty()) {
                continue;
            }
            if (!isToken(key)) {
                throw ValidationMessage.INVALID_HEADER_NAME.exception(field + ".key", key);
            }
            String canonical = canonicalKey(key);
            if (!seen.add(canonical)) {
                throw ValidationMessage.DUPLICATE_HEADER.exception(field + ".key", canonical);
            }
            if (!isSafeValue(ruleValue)) {
                throw ValidationMessage.INVALID_HEADER_VALUE.exception(field + ".value");
            }
            HeaderRule.Action parsed = switch (action) {
                case "set" -> HeaderRule.Action.SET;
                case "remove" -> HeaderRule.Action.REMOVE;
                default -> throw ValidationMessage.INVALID_HEADER_ACTION.exception(field + ".action");
            };
            rules.add(new HeaderRule(canonical, ruleValue, parsed));
        }
        return List.copyOf(rules);
    }

    /** Applies the rules in order: {@code set} with variables substituted, {@code remove}. */
    public static void apply(List<HeaderRule> rules, HeaderSink sink, HeaderVariables variables) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(variables, "variables");
        for (HeaderRule rule : rules) {
            switch (rule.action()) {
                case SET -> sink.set(rule.key(), variables.substitute(rule.value()));
                case REMOVE -> sink.remove(rule.key());
            }
        }
    }

    /** The rules as a JSON array of {@code {"key","value","action"}}. */
    public static JsonArray toJsonArray(List<HeaderRule> rules) {
        JsonArrayBuilder json = Json.createArrayBuilder();
        rules.forEach(r -> json.add(Json.createObjectBuilder().add("key", r.key()).add("value", r.value())
                .add("action", r.action().wireName())));
        return json.build();
    }

    /** The rules as JSON text, as stored in {@code groups.header_rules} ({@code []} when none). */
    public static String toJson(List<HeaderRule> rules) {
        return toJsonArray(rules).toString();
    }

    /**
     * Canonical form of a header name, as gpt-load's Go runtime writes it: the first letter and
     * every letter after a hyphen upper case, the rest lower case ({@code x-foo-bar} → {@code X-Foo-Bar}).
     * A name with characters outside the HTTP token set is returned unchanged.
     */
    public static String canonicalKey(String name) {
        if (!isToken(name)) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (upper && c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            } else if (!upper && c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            out.append(c);
            upper = c == '-';
        }
        return out.toString();
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (char c : name.toCharArray()) {
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSafeValue(String value) {
        for (char c : value.toCharArray()) {
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }
}
