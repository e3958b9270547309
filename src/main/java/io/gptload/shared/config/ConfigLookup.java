package io.gptload.shared.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads over a name → value lookup with gpt-load's lenient rules: booleans accept
 * true/1/yes/on and false/0/no/off, anything else (and unparseable integers) falls back to the
 * default.
 */
public final class ConfigLookup {

    private final Function<String, Optional<String>> source;

    public ConfigLookup(Function<String, Optional<String>> source) {
        this.source = java.util.Objects.requireNonNull(source, "source");
    }

    public String string(String name, String dflt) {
        return source.apply(name).map(String::strip).orElse(dflt);
    }

    public int integer(String name, int dflt) {
        return source.apply(name).map(String::strip).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return dflt;
            }
        }).orElse(dflt);
    }

    public long longValue(String name, long dflt) {
        return source.apply(name).map(String::strip).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                return dflt;
            }
        }).orElse(dflt);
    }

    public boolean bool(String name, boolean dflt) {
        return source.apply(name).map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> dflt;
        }).orElse(dflt);
    }

    public java.util.List<String> list(String name, java.util.List<String> dflt) {
        return source.apply(name)
                .map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(dflt);
    }
}
