package io.gptload.group;

import static io.gptload.group.TestJson.rejects;
import static io.gptload.group.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gptload.group.HeaderRule.Action;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderRulesTest {

    @ParameterizedTest
    @CsvSource({
        "x-foo-bar, X-Foo-Bar",
        "X-FOO-BAR, X-Foo-Bar",
        "authorization, Authorization",
        "x-api-key, X-Api-Key",
        "content-type, Content-Type",
        "www-authenticate, Www-Authenticate",
        "x--double, X--Double",
        "-leading, -Leading",
        "x_under_score, X_under_score",
        "x-1st, X-1st",
        "a, A"
    })
    void canonicalisesLikeGo(String raw, String canonical) {
        assertEquals(canonical, HeaderRules.canonicalKey(raw));
    }

    @Test
    void canonicalKeyLeavesInvalidNamesAlone() {
        assertEquals("x foo", HeaderRules.canonicalKey("x foo"));
        assertEquals("x:foo", HeaderRules.canonicalKey("x:foo"));
    }

    @Test
    void parsesNormalisesAndDropsEmptyKeys() {
        List<HeaderRule> rules = HeaderRules.parse(value("""
                [{"key": " x-client-ip ", "value": "${CLIENT_IP}", "action": "set"},
                 {"key": "", "value": "whatever", "action": "bogus"},
                 {"key": "   ", "value": "x", "action": "set"},
                 {"key": "user-agent", "action": "remove"}]"""));
        assertEquals(List.of(new HeaderRule("X-Client-Ip", "${CLIENT_IP}", Action.SET),
                new HeaderRule("User-Agent", "", Action.REMOVE)), rules);
        assertEquals("[{\"key\":\"X-Client-Ip\",\"value\":\"${CLIENT_IP}\",\"action\":\"set\"},"
                + "{\"key\":\"User-Agent\",\"value\":\"\",\"action\":\"remove\"}]", HeaderRules.toJson(rules));
        assertEquals(rules, HeaderRules.parse(HeaderRules.toJsonArray(rules)));
    }

    @Test
    void nullMeansNoRules() {
        assertEquals(List.of(), HeaderRules.parse(null));
        assertEquals(List.of(), HeaderRules.parse(JsonValue.NULL));
        assertEquals("[]", HeaderRules.toJson(List.of()));
    }

    @Test
    void rejectsDuplicatesAfterCanonicalisation() {
        rejects(() -> HeaderRules.parse(value("""
                [{"key":"X-Foo","value":"1","action":"set"},{"key":"x-foo","value":"2","action":"set"}]""")),
                "header_rules[1].key", "header_rules[1].key: duplicate header key X-Foo");
    }

    @Test
    void rejectsBadActions() {
        rejects(() -> HeaderRules.parse(value("[{\"key\":\"X-A\",\"value\":\"1\",\"action\":\"add\"}]")),
                "header_rules[0].action", "header_rules[0].action must be \"set\" or \"remove\"");
        rejects(() -> HeaderRules.parse(value("[{\"key\":\"X-A\",\"value\":\"1\",\"action\":\"SET\"}]")),
                "header_rules[0].action", "header_rules[0].action must be \"set\" or \"remove\"");
        rejects(() -> HeaderRules.parse(value("[{\"key\":\"X-A\",\"value\":\"1\"}]")),
                "header_rules[0].action", "header_rules[0].action must be \"set\" or \"remove\"");
        rejects(() -> HeaderRules.parse(value("[{\"key\":\"X-A\",\"value\":\"1\",\"action\":1}]")),
                "header_rules[0].action", "header_rules[0].action must be a string");
    }

    @Test
    void rejectsHeaderInjection() {
        for (String bad : List.of("a\\r\\nX-Evil: 1", "a\\nb", "a\\rb", "a\\u0000b", "a\\u007fb", "我的应用")) {
            rejects(() -> HeaderRules.parse(value("[{\"key\":\"X-A\",\"value\":\"" + bad + "\",\"action\":\"set\"}]")),
                    "header_rules[0].value", "header_rules[0].value must not contain line breaks, control characters "
                            + "or characters outside Latin-1 (HTTP header values are Latin-1; percent-encode other text)");
        }
        assertEquals("a\tb", HeaderRules.parse(value("[{\"key\":\"X-A\",\"value\":\"a\\tb\",\"action\":\"set\"}]"))
                .get(0).value());
        assertEquals("café", HeaderRules.parse(value("[{\"key\":\"X-A\",\"value\":\"café\",\"action\":\"set\"}]"))
                .get(0).value(), "Latin-1 is fine");
    }

    @Test
    void rejectsInvalidNamesAndShapes() {
        rejects(() -> HeaderRules.parse(value("[{\"key\":\"X A\",\"value\":\"1\",\"action\":\"set\"}]")),
                "header_rules[0].key", "header_rules[0].key is not a valid HTTP header name: X A");
        rejects(() -> HeaderRules.parse(value("[{\"key\":\"X-A\\r\\nEvil\",\"value\":\"1\",\"action\":\"set\"}]")),
                "header_rules[0].key", "header_rules[0].key is not a valid HTTP header name: X-A\r\nEvil");
        rejects(() -> HeaderRules.parse(value("{}")), "header_rules", "header_rules must be a JSON array");
        rejects(() -> HeaderRules.parse(value("[1]")), "header_rules[0]", "header_rules[0] must be a JSON object");
        rejects(() -> HeaderRules.parse(value("[{\"key\":\"X-A\",\"value\":2,\"action\":\"set\"}]")),
                "header_rules[0].value", "header_rules[0].value must be a string");
    }

    @Test
    void appliesInOrderWithVariables() {
        List<HeaderRule> rules = HeaderRules.parse(value("""
                [{"key":"authorization","value":"Bearer ${API_KEY}","action":"set"},
                 {"key":"x-forwarded-for","action":"remove"},
                 {"key":"x-meta","value":"${GROUP_NAME}/${CLIENT_IP}/${TIMESTAMP_S}/${TIMESTAMP_MS}/${NOPE}","action":"set"}]"""));
        List<String> calls = new ArrayList<>();
        HeaderSink sink = new HeaderSink() {
            @Override
            public void set(String name, String value) {
                calls.add("set " + name + "=" + value);
            }

            @Override
            public void remove(String name) {
                calls.add("remove " + name);
            }
        };
        HeaderRules.apply(rules, sink, new HeaderVariables("10.1.2.3", "openai", "sk-real", 1_700_000_123_456L));
        assertEquals(List.of("set Authorization=Bearer sk-real", "remove X-Forwarded-For",
                "set X-Meta=openai/10.1.2.3/1700000123/1700000123456/${NOPE}"), calls);
    }

    @Test
    void applyRequiresSinkAndVariables() {
        assertThrows(NullPointerException.class, () -> HeaderRules.apply(List.of(), null,
                new HeaderVariables("", "", "", 0)));
        assertThrows(NullPointerException.class, () -> HeaderRules.apply(List.of(), new HeaderSink() {
            @Override
            public void set(String name, String value) {
            }

            @Override
            public void remove(String name) {
            }
        }, null));
    }

    @Test
    void recordValidates() {
        assertThrows(IllegalArgumentException.class, () -> new HeaderRule("", "v", Action.SET));
        assertThrows(NullPointerException.class, () -> new HeaderRule("X", null, Action.SET));
        assertThrows(NullPointerException.class, () -> new HeaderRule("X", "v", null));
        assertEquals("remove", Action.REMOVE.wireName());
    }
}
