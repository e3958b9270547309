package io.gptload.group;

import static io.gptload.group.TestJson.rejects;
import static io.gptload.group.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamOverridesTest {

    @Test
    void keepsRawJsonOfEachTopLevelValueInOrder() {
        Map<String, String> overrides = ParamOverrides.parse(value("""
                {"temperature": 0.7, "max_tokens": 1024, "stop": ["a", "b"], "tools": {"x": null},
                 "stream": false, "user": "u\\"1"}"""));
        assertEquals(List.of("temperature", "max_tokens", "stop", "tools", "stream", "user"),
                List.copyOf(overrides.keySet()));
        assertEquals("0.7", overrides.get("temperature"));
        assertEquals("1024", overrides.get("max_tokens"));
        assertEquals("[\"a\",\"b\"]", overrides.get("stop"));
        assertEquals("{\"x\":null}", overrides.get("tools"));
        assertEquals("false", overrides.get("stream"));
        assertEquals("\"u\\\"1\"", overrides.get("user"));
    }

    @Test
    void rendersBackToAnEquivalentObject() {
        Map<String, String> overrides = ParamOverrides.parse(value("{\"a\\\"b\": 1, \"c\": [true]}"));
        String json = ParamOverrides.toJson(overrides);
        assertEquals("{\"a\\\"b\":1,\"c\":[true]}", json);
        assertEquals(overrides, ParamOverrides.parse(value(json)));
        assertEquals("{}", ParamOverrides.toJson(Map.of()));
    }

    @Test
    void nullMeansNone() {
        assertEquals(Map.of(), ParamOverrides.parse(null));
        assertEquals(Map.of(), ParamOverrides.parse(JsonValue.NULL));
    }

    @Test
    void mustBeAnObject() {
        rejects(() -> ParamOverrides.parse(value("[1]")), "param_overrides", "param_overrides must be a JSON object");
        rejects(() -> ParamOverrides.parse(value("\"x\"")), "param_overrides", "param_overrides must be a JSON object");
        rejects(() -> ParamOverrides.parse(value("3")), "param_overrides", "param_overrides must be a JSON object");
    }
}
