package io.gptload.channel;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/** Parsing and compact writing of whole JSON documents (JSON-P), for the rare bodies that are rebuilt. */
final class JsonTrees {

    private JsonTrees() {
    }

    /** The object in {@code body}; IllegalArgumentException when it is not one well-formed JSON object. */
    static JsonObject parseObject(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("body is not a JSON object", e);
        }
    }

    static byte[] write(JsonObject object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.writeObject(object);
        }
        return out.toByteArray();
    }

    /** The string at {@code name} in {@code value} when it is an object holding a string there, else null. */
    static String stringMember(JsonValue value, String name) {
        if (value instanceof JsonObject o && o.get(name) instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return null;
    }
}
