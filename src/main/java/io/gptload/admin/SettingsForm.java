package io.gptload.admin;

import io.gptload.settings.SettingCategory;
import io.gptload.settings.SettingDefinition;
import io.gptload.settings.SettingsCatalog;
import io.gptload.settings.SystemSettings;
import io.gptload.settings.ValidationMessage;
import io.gptload.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings page's fields, by category in catalogue order, and what a Save sends to
 * {@code SettingsService.update}: only the edited settings, as the JSON of {@code PUT /api/settings}
 * (an integer field that is not a number is sent as text, so the service's own rule answers it).
 */
public final class SettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One category and its fields. */
    public record Category(String id, String name, List<SettingField> fields) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final List<Category> categories;

    private SettingsForm(List<Category> categories) {
        this.categories = List.copyOf(categories);
    }

    /** The form showing {@code current}, its texts in {@code language} (en, zh or ja). */
    static SettingsForm of(SystemSettings current, String language) {
        Objects.requireNonNull(current, "current");
        Map<String, String> values = current.asStrings();
        List<Category> categories = new ArrayList<>();
        for (SettingCategory c : SettingCategory.values()) {
            List<SettingField> fields = new ArrayList<>();
            String name = null;
            for (SettingDefinition d : SettingsCatalog.all()) {
                if (d.category() == c) {
                    name = d.categoryName(language);
                    fields.add(new SettingField(d, language, values.getOrDefault(d.key(), d.defaultValue())));
                }
            }
            if (!fields.isEmpty()) {
                categories.add(new Category(c.id(), name, List.copyOf(fields)));
            }
        }
        return new SettingsForm(categories);
    }

    List<Category> categories() {
        return categories;
    }

    List<SettingField> fields() {
        return categories.stream().flatMap(c -> c.fields().stream()).toList();
    }

    /** The partial update of the edited fields (empty when nothing changed). */
    JsonObject changes() {
        JsonObjectBuilder body = Json.createObjectBuilder();
        for (SettingField f : fields()) {
            if (f.changed()) {
                body.add(f.getKey(), json(f));
            }
        }
        return body.build();
    }

    private static JsonValue json(SettingField f) {
        String v = f.getValue() == null ? "" : f.getValue();
        return switch (f.type()) {
            case BOOL -> "true".equals(v) ? JsonValue.TRUE : JsonValue.FALSE;
            case INT -> integer(v.strip()).<JsonValue>map(Json::createValue).orElse(Json.createValue(v));
            case STRING -> Json.createValue(v);
        };
    }

    private static Optional<BigInteger> integer(String s) {
        if (!s.matches("[+-]?\\d{1,40}")) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(s));
    }

    /** Clears every field's message. */
    void clearErrors() {
        fields().forEach(f -> f.setError(""));
    }

    /**
     * Puts the message of {@code e} on its field, in {@code language}, naming the setting by its
     * display name; returns the message.
     */
    String fail(ValidationException e, String language) {
        Optional<SettingField> field = fields().stream().filter(f -> f.getKey().equals(e.field())).findFirst();
        List<String> args = new ArrayList<>(e.args());
        if (field.isPresent() && !args.isEmpty()) {
            args.set(0, field.get().getName());
        }
        String text = e.getMessage();
        for (ValidationMessage m : ValidationMessage.values()) {
            if (m.id().equals(e.messageId())) {
                text = m.format(language, args);
            }
        }
        String message = text;
        field.ifPresent(f -> f.setError(message));
        return message;
    }
}
