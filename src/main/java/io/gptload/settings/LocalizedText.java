package io.gptload.settings;

import io.gptload.shared.Languages;
import java.util.Map;
import java.util.Objects;

/** One text in every supported language, keyed by language tag. */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = Map.copyOf(Objects.requireNonNull(byLanguage, "byLanguage"));
        for (String language : Languages.SUPPORTED) {
            if (!byLanguage.containsKey(language)) {
                throw new IllegalArgumentException("missing text for " + language);
            }
        }
    }

    /** The text for an {@code Accept-Language} value or tag (resolved by {@link Languages#resolve}). */
    public String in(String language) {
        return byLanguage.get(Languages.resolve(language));
    }
}
