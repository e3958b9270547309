package io.gptload.group;

import java.util.Objects;

/**
 * Values for the variables a header rule may use: {@code ${CLIENT_IP}}, {@code ${GROUP_NAME}},
 * {@code ${API_KEY}} (the real upstream key), {@code ${TIMESTAMP_MS}} and {@code ${TIMESTAMP_S}}.
 */
public record HeaderVariables(String clientIp, String groupName, String apiKey, long timestampMillis) {

    public HeaderVariables {
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    /**
     * Replaces the known variables in one pass; anything else (including unknown {@code ${X}})
     * is left as it is, and substituted values are never expanded again.
     */
    public String substitute(String template) {
        if (template.indexOf("${") < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            int end = start < 0 ? -1 : template.indexOf('}', start + 2);
            if (end < 0) {
                out.append(template, i, template.length());
                break;
            }
            String value = valueOf(template.substring(start + 2, end));
            out.append(template, i, start);
            if (value == null) {
                out.append("${");
                i = start + 2;
            } else {
                out.append(value);
                i = end + 1;
            }
        }
        return out.toString();
    }

    private String valueOf(String name) {
        return switch (name) {
            case "CLIENT_IP" -> clientIp;
            case "GROUP_NAME" -> groupName;
            case "API_KEY" -> apiKey;
            case "TIMESTAMP_MS" -> Long.toString(timestampMillis);
            case "TIMESTAMP_S" -> Long.toString(Math.floorDiv(timestampMillis, 1000));
            default -> null;
        };
    }

    /** Masks the API key. */
    @Override
    public String toString() {
        return "HeaderVariables[clientIp=" + clientIp + ", groupName=" + groupName + ", apiKey=***, timestampMillis="
                + timestampMillis + "]";
    }
}
