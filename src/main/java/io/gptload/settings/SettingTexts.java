package io.gptload.settings;

import io.gptload.shared.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Loads the localised setting names, descriptions and category names from {@code setting-texts_<tag>.properties}. */
final class SettingTexts {

    private final Map<String, Properties> byLanguage = new HashMap<>();

    SettingTexts() {
        for (String language : Languages.SUPPORTED) {
            byLanguage.put(language, load("setting-texts_" + language + ".properties"));
        }
    }

    /** The text with the given key in every language; fails if one is missing. */
    LocalizedText text(String key) {
        Map<String, String> texts = new HashMap<>();
        byLanguage.forEach((language, properties) -> {
            String value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("missing setting text " + key + " for " + language);
            }
            texts.put(language, value);
        });
        return new LocalizedText(texts);
    }

    private static Properties load(String name) {
        try (InputStream in = SettingTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
