package io.gptload.group;

import io.gptload.settings.ValidationMessage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;

/** Small typed readers for JSON members, failing with a validation error that names the field. */
final class JsonFields {

    private JsonFields() {
    }

    static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    static JsonObject object(JsonValue value, String field) {
        if (!(value instanceof JsonObject object)) {
            throw ValidationMessage.NOT_OBJECT.exception(field);
        }
        return object;
    }

    /** A string member; a missing or null member reads as "". */
    static String string(JsonObject object, String name, String field) {
        JsonValue value = object.get(name);
        if (isNull(value)) {
            return "";
        }
        if (!(value instanceof JsonString string)) {
            throw ValidationMessage.NOT_STRING.exception(field);
        }
        return string.getString();
    }

    /** A non-negative int member; a missing or null member reads as 0. */
    static int nonNegativeInt(JsonObject object, String name, String field) {
        JsonValue value = object.get(name);
        if (isNull(value)) {
            return 0;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw ValidationMessage.NOT_INTEGER.exception(field);
        }
        BigInteger big = number.bigIntegerValue();
        if (big.signum() < 0) {
            throw ValidationMessage.BELOW_MIN.exception(field, 0);
        }
        if (big.bitLength() > 31) {
            throw ValidationMessage.ABOVE_MAX.exception(field, Integer.MAX_VALUE);
        }
        return big.intValue();
    }
}
