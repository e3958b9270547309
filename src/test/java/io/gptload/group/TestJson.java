package io.gptload.group;

import io.gptload.shared.ValidationException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.Executable;

/** Test helpers: JSON from text, and asserting a validation failure. */
final class TestJson {

    private TestJson() {
    }

    static JsonValue value(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static JsonObject object(String text) {
        return value(text).asJsonObject();
    }

    static ValidationException rejects(Executable call, String field, String message) {
        ValidationException e = Assertions.assertThrows(ValidationException.class, call);
        Assertions.assertEquals(field, e.field(), "field");
        Assertions.assertEquals(message, e.getMessage(), "message");
        return e;
    }
}
