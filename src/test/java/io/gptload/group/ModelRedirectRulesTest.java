package io.gptload.group;

import static io.gptload.group.TestJson.rejects;
import static io.gptload.group.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRedirectRulesTest {

    @Test
    void parsesInOrder() {
        Map<String, String> rules = ModelRedirectRules.parse(value("{\"gpt-4\":\"gpt-4o\",\"a\":\"b\",\"0\":\"z\"}"));
        assertEquals(List.of("gpt-4", "a", "0"), List.copyOf(rules.keySet()));
        assertEquals("gpt-4o", rules.get("gpt-4"));
        assertEquals("{\"gpt-4\":\"gpt-4o\",\"a\":\"b\",\"0\":\"z\"}", ModelRedirectRules.toJson(rules).toString());
    }

    @Test
    void nullMeansNone() {
        assertEquals(Map.of(), ModelRedirectRules.parse(null));
        assertEquals(Map.of(), ModelRedirectRules.parse(JsonValue.NULL));
        assertEquals(Map.of(), ModelRedirectRules.parse(value("{}")));
    }

    @Test
    void rejectsBadShapes() {
        rejects(() -> ModelRedirectRules.parse(value("[]")),
                "model_redirect_rules", "model_redirect_rules must be a JSON object");
        rejects(() -> ModelRedirectRules.parse(value("{\"gpt-4\":1}")),
                "model_redirect_rules[\"gpt-4\"]", "model_redirect_rules[\"gpt-4\"] must be a string");
        rejects(() -> ModelRedirectRules.parse(value("{\"gpt-4\":null}")),
                "model_redirect_rules[\"gpt-4\"]", "model_redirect_rules[\"gpt-4\"] must be a string");
        rejects(() -> ModelRedirectRules.parse(value("{\"gpt-4\":\" \"}")),
                "model_redirect_rules[\"gpt-4\"]", "model_redirect_rules[\"gpt-4\"] must not be empty");
        rejects(() -> ModelRedirectRules.parse(value("{\"\":\"x\"}")),
                "model_redirect_rules[\"\"]", "model_redirect_rules[\"\"] must not be empty");
    }
}
