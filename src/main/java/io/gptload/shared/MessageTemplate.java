package io.gptload.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One validation message in the three API languages, with placeholders {@code {0}} (the field)
 * and {@code {1}}, {@code {2}}… (details).
 */
public record MessageTemplate(String id, String en, String zh, String ja) {

    public MessageTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(ja, "ja");
    }

    /** An exception for {@code field}; {@code extra} fill the placeholders from {1} on. */
    public ValidationException exception(String field, Object... extra) {
        Objects.requireNonNull(field, "field");
        List<String> args = new ArrayList<>();
        args.add(field);
        for (Object arg : extra) {
            args.add(String.valueOf(arg));
        }
        return new ValidationException(field, id, args, format(Languages.EN_US, args));
    }

    /** The message in the language of an {@code Accept-Language} value (en-US for anything else). */
    public String format(String languageTag, List<String> args) {
        String template = switch (Languages.resolve(languageTag)) {
            case Languages.ZH_CN -> zh;
            case Languages.JA_JP -> ja;
            default -> en;
        };
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && Character.isDigit(template.charAt(i + 1))
                    && template.charAt(i + 2) == '}' && template.charAt(i + 1) - '0' < args.size()) {
                out.append(args.get(template.charAt(i + 1) - '0'));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
