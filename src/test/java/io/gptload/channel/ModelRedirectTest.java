package io.gptload.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelRedirectTest {

    @Test
    void keepsRuleOrderAndIsImmutable() {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("z", "1");
        rules.put("a", "2");
        rules.put("m", "3");
        ModelRedirect r = new ModelRedirect(rules, false);
        rules.put("late", "x");
        assertEquals(List.of("z", "a", "m"), List.copyOf(r.rules().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> r.rules().put("b", "c"));
    }

    @Test
    void strictRejectsUnknownModelsOnlyWhenItHasRules() {
        ModelRedirect strict = new ModelRedirect(Map.of("gpt-4", "gpt-4o"), true);
        assertEquals(Optional.of("gpt-4o"), strict.targetOf("gpt-4"));
        ModelNotAllowedException e = assertThrows(ModelNotAllowedException.class, () -> strict.targetOf("gpt-5"));
        assertEquals("model 'gpt-5' is not configured in redirect rules", e.getMessage());
        assertEquals("gpt-5", e.model());
        assertEquals(Optional.empty(), new ModelRedirect(Map.of(), true).targetOf("anything"));
        assertEquals(Optional.empty(), new ModelRedirect(Map.of("a", "b"), false).targetOf("c"));
    }

    @Test
    void noneIsInactive() {
        assertFalse(ModelRedirect.NONE.active());
        assertTrue(new ModelRedirect(Map.of("a", "b"), false).active());
    }

    @Test
    void rejectsNullRules() {
        Map<String, String> bad = new HashMap<>();
        bad.put("a", null);
        assertThrows(NullPointerException.class, () -> new ModelRedirect(bad, false));
        assertThrows(NullPointerException.class, () -> new ModelRedirect(null, false));
    }
}
