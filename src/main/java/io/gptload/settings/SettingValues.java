package io.gptload.settings;

import io.gptload.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Value rules shared by the settings update, group overrides and stored rows. Every accepted value
 * is brought to one canonical string form: ints in decimal, bools {@code true}/{@code false},
 * strings normalised (trimmed URLs, cleaned proxy key list).
 */
public final class SettingValues {

    private SettingValues() {
    }

    /** Validates a JSON value for {@code def}; returns its canonical string form. */
    public static String fromJson(SettingDefinition def, JsonValue value, String field) {
        return switch (def.type()) {
            case INT -> Integer.toString(intFromJson(def, value, field));
            case BOOL -> switch (value.getValueType()) {
                case TRUE -> "true";
                case FALSE -> "false";
                default -> throw ValidationMessage.NOT_BOOLEAN.exception(field);
            };
            case STRING -> {
                if (!(value instanceof JsonString string)) {
                    throw ValidationMessage.NOT_STRING.exception(field);
                }
                yield checkString(def, string.getString(), field);
            }
        };
    }

    /** The canonical form of a stored value, or empty when it does not satisfy the rules. */
    public static Optional<String> fromStored(SettingDefinition def, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (def.type()) {
            case INT -> parseInt(raw.trim()).filter(v -> v >= def.min()).map(String::valueOf);
            case BOOL -> parseBool(raw.trim()).map(String::valueOf);
            case STRING -> {
                try {
                    yield Optional.of(checkString(def, raw, def.key()));
                } catch (ValidationException e) {
                    yield Optional.empty();
                }
            }
        };
    }

    /** A canonical value as {@link Integer}, {@link Boolean} or {@link String}. */
    public static Object typed(SettingDefinition def, String canonical) {
        return switch (def.type()) {
            case INT -> Integer.valueOf(canonical);
            case BOOL -> Boolean.valueOf(canonical);
            case STRING -> canonical;
        };
    }

    /** A canonical value as a JSON number, boolean or string. */
    public static JsonValue toJson(SettingDefinition def, String canonical) {
        return switch (def.type()) {
            case INT -> Json.createValue(Integer.parseInt(canonical));
            case BOOL -> Boolean.parseBoolean(canonical) ? JsonValue.TRUE : JsonValue.FALSE;
            case STRING -> Json.createValue(canonical);
        };
    }

    private static int intFromJson(SettingDefinition def, JsonValue value, String field) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw ValidationMessage.NOT_INTEGER.exception(field);
        }
        BigInteger big = number.bigIntegerValue();
        if (big.compareTo(BigInteger.valueOf(def.min())) < 0) {
            throw ValidationMessage.BELOW_MIN.exception(field, def.min());
        }
        if (big.bitLength() > 31) {
            throw ValidationMessage.ABOVE_MAX.exception(field, Integer.MAX_VALUE);
        }
        return big.intValue();
    }

    private static String checkString(SettingDefinition def, String value, String field) {
        String normalised = switch (def.key()) {
            case SettingsCatalog.PROXY_KEYS -> normaliseKeyList(value);
            case SettingsCatalog.APP_URL, SettingsCatalog.PROXY_URL -> value.trim();
            default -> value;
        };
        if (def.required() && normalised.isBlank()) {
            throw ValidationMessage.REQUIRED.exception(field);
        }
        switch (def.key()) {
            case SettingsCatalog.APP_URL -> {
                if (!HttpUrls.isValid(normalised)) {
                    throw ValidationMessage.INVALID_HTTP_URL.exception(field);
                }
            }
            case SettingsCatalog.PROXY_URL -> checkProxyUrl(normalised, field);
            case SettingsCatalog.FAILOVER_STATUS_CODES -> {
                try {
                    FailoverCodeMatcher.parse(normalised);
                } catch (IllegalArgumentException e) {
                    throw ValidationMessage.INVALID_FAILOVER_CODES.exception(field, e.getMessage());
                }
            }
            default -> { }
        }
        return normalised;
    }

    private static void checkProxyUrl(String url, String field) {
        if (url.isEmpty()) {
            return;
        }
        if (url.toLowerCase(Locale.ROOT).startsWith("socks")) {
            throw ValidationMessage.SOCKS_PROXY_UNSUPPORTED.exception(field);
        }
        if (!HttpUrls.isValid(url)) {
            throw ValidationMessage.INVALID_PROXY_URL.exception(field);
        }
        if (java.net.URI.create(url).getRawUserInfo() != null) {
            throw ValidationMessage.PROXY_CREDENTIALS_UNSUPPORTED.exception(field);
        }
    }

    /** Splits on commas, trims, drops empties and joins with {@code ,}. */
    static String normaliseKeyList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(","));
    }

    private static Optional<Integer> parseInt(String raw) {
        try {
            return Optional.of(Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The forms Go's strconv.ParseBool accepts, as gpt-load stores them. */
    private static Optional<Boolean> parseBool(String raw) {
        return switch (raw) {
            case "1", "t", "T", "true", "TRUE", "True" -> Optional.of(true);
            case "0", "f", "F", "false", "FALSE", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
