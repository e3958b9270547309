package io.gptload.shared.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and edits the top-level members of a JSON object body without re-serialising it: every
 * byte that is not targeted keeps its exact text, and key order is preserved. Bodies that are not
 * a well-formed JSON object are never an error; readers answer empty and editors return the body
 * unchanged. When a key appears more than once, readers see the last occurrence (as most JSON
 * parsers do) and editors change every occurrence.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** True when {@code body} (after an optional BOM and whitespace) is one well-formed JSON object. */
    public static boolean isObject(byte[] body) {
        return body != null && JsonScanner.object(body, 0, body.length) != null;
    }

    /** The unescaped value of the top-level string member {@code name}; empty when absent, not a string, or not an object. */
    public static Optional<String> topLevelString(byte[] body, String name) {
        JsonScanner.Member m = last(body, name);
        if (m == null || body[m.valueStart()] != '"') {
            return Optional.empty();
        }
        return Optional.of(JsonStrings.decode(body, m.valueStart(), m.valueEnd()));
    }

    /**
     * The unescaped string found by following a path of object members, e.g. {@code ("error", "message")}
     * reads {@code {"error":{"message":"..."}}}; empty when any step is missing or of another type.
     */
    public static Optional<String> stringAt(byte[] body, String... path) {
        if (path.length == 0 || body == null) {
            return Optional.empty();
        }
        int from = 0;
        int to = body.length;
        for (int i = 0; i < path.length; i++) {
            JsonScanner.Layout layout = JsonScanner.object(body, from, to);
            List<JsonScanner.Member> found = layout == null ? List.of() : all(body, layout, path[i]);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            JsonScanner.Member m = found.getLast();
            from = m.valueStart();
            to = m.valueEnd();
        }
        return body[from] == '"' ? Optional.of(JsonStrings.decode(body, from, to)) : Optional.empty();
    }

    /** The value of the top-level boolean member {@code name}; empty when absent, not a boolean, or not an object. */
    public static Optional<Boolean> topLevelBoolean(byte[] body, String name) {
        JsonScanner.Member m = last(body, name);
        if (m == null) {
            return Optional.empty();
        }
        return switch (body[m.valueStart()]) {
            case 't' -> Optional.of(Boolean.TRUE);
            case 'f' -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /**
     * Sets top-level members to raw JSON values: existing members get the new value text in place,
     * missing ones are appended after the last member in the map's iteration order.
     *
     * @param rawJsonValues member name to JSON value text (e.g. {@code "0.2"}, {@code "\"x\""}, {@code "{\"a\":1}"})
     * @return the edited body, or {@code body} itself when it is not a JSON object or nothing is to be set
     * @throws IllegalArgumentException when a given value is not valid JSON text
     */
    public static byte[] setMembers(byte[] body, Map<String, String> rawJsonValues) {
        Objects.requireNonNull(rawJsonValues, "rawJsonValues");
        JsonScanner.Layout layout = body == null ? null : JsonScanner.object(body, 0, body.length);
        if (layout == null || rawJsonValues.isEmpty()) {
            return body;
        }
        List<Edit> edits = new ArrayList<>();
        StringBuilder appended = new StringBuilder();
        boolean hasMembers = !layout.members().isEmpty();
        for (Map.Entry<String, String> e : rawJsonValues.entrySet()) {
            byte[] value = validValue(e.getKey(), e.getValue());
            List<JsonScanner.Member> found = all(body, layout, e.getKey());
            for (JsonScanner.Member m : found) {
                edits.add(new Edit(m.valueStart(), m.valueEnd(), value));
            }
            if (found.isEmpty()) {
                if (hasMembers || !appended.isEmpty()) {
                    appended.append(',');
                }
                appended.append(JsonStrings.quote(e.getKey())).append(':').append(e.getValue().strip());
            }
        }
        if (!appended.isEmpty()) {
            int at = hasMembers ? layout.members().getLast().valueEnd() : layout.close();
            edits.add(new Edit(at, at, appended.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return apply(body, edits);
    }

    /** Replaces the value of the top-level string member {@code name} with {@code newValue}; body returned as is when there is none. */
    public static byte[] replaceString(byte[] body, String name, String newValue) {
        Objects.requireNonNull(newValue, "newValue");
        JsonScanner.Layout layout = body == null ? null : JsonScanner.object(body, 0, body.length);
        if (layout == null) {
            return body;
        }
        byte[] value = JsonStrings.quote(newValue).getBytes(StandardCharsets.UTF_8);
        List<Edit> edits = new ArrayList<>();
        for (JsonScanner.Member m : all(body, layout, name)) {
            if (body[m.valueStart()] == '"') {
                edits.add(new Edit(m.valueStart(), m.valueEnd(), value));
            }
        }
        return edits.isEmpty() ? body : apply(body, edits);
    }

    private record Edit(int from, int to, byte[] replacement) {
    }

    private static byte[] validValue(String name, String raw) {
        Objects.requireNonNull(name, "member name");
        Objects.requireNonNull(raw, "value of " + name);
        byte[] bytes = raw.strip().getBytes(StandardCharsets.UTF_8);
        if (!JsonScanner.isValue(bytes, 0, bytes.length)) {
            throw new IllegalArgumentException("value of '" + name + "' is not valid JSON");
        }
        return bytes;
    }

    private static JsonScanner.Member last(byte[] body, String name) {
        Objects.requireNonNull(name, "name");
        JsonScanner.Layout layout = body == null ? null : JsonScanner.object(body, 0, body.length);
        if (layout == null) {
            return null;
        }
        List<JsonScanner.Member> found = all(body, layout, name);
        return found.isEmpty() ? null : found.getLast();
    }

    private static List<JsonScanner.Member> all(byte[] body, JsonScanner.Layout layout, String name) {
        byte[] nameUtf8 = name.getBytes(StandardCharsets.UTF_8);
        List<JsonScanner.Member> found = new ArrayList<>(1);
        for (JsonScanner.Member m : layout.members()) {
            if (JsonStrings.equalsText(body, m.keyStart(), m.keyEnd(), nameUtf8, name)) {
                found.add(m);
            }
        }
        return found;
    }

    private static byte[] apply(byte[] body, List<Edit> edits) {
        edits.sort(Comparator.comparingInt(Edit::from));
        int size = body.length;
        for (Edit e : edits) {
            size += e.replacement().length - (e.to() - e.from());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        int p = 0;
        for (Edit e : edits) {
            out.write(body, p, e.from() - p);
            out.write(e.replacement(), 0, e.replacement().length);
            p = e.to();
        }
        out.write(body, p, body.length - p);
        return out.toByteArray();
    }
}
