package io.gptload.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/** Parses request bodies; anything that is not a JSON object is 400 {@code INVALID_JSON}. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalidJson("request body is empty");
        }
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.invalidJson("request body must be a JSON object");
            }
            return v.asJsonObject();
        } catch (JsonParsingException e) {
            throw ApiException.invalidJson("malformed JSON: " + e.getMessage());
        }
    }

    /** A required positive integer field, else 400 INVALID_JSON (gpt-load's binding error). */
    static long requiredId(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() != JsonValue.ValueType.NUMBER
                || !((jakarta.json.JsonNumber) v).isIntegral() || ((jakarta.json.JsonNumber) v).longValue() <= 0) {
            throw ApiException.invalidJson("field '" + field + "' is required and must be a positive integer");
        }
        return ((jakarta.json.JsonNumber) v).longValue();
    }

    /** A required non-empty string field, else 400 INVALID_JSON. */
    static String requiredString(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.invalidJson("field '" + field + "' is required and must be a string");
        }
        String s = ((jakarta.json.JsonString) v).getString();
        if (s.isEmpty()) {
            throw ApiException.invalidJson("field '" + field + "' is required");
        }
        return s;
    }
}
