package io.gptload.group;

import static io.gptload.group.TestJson.object;
import static io.gptload.group.TestJson.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.ValidationException;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupChangesTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 2, 3, 4, 5, 6_000_000);
    private static final LocalDateTime T1 = T0.plusHours(1);

    private static final String STANDARD = """
            {"name":" std ","display_name":" Std ","description":" d ","channel_type":"openai","sort":3,
             "test_model":" gpt-4o ","validation_endpoint":" /v1/x ","proxy_keys":" k1,k2 ",
             "upstreams":[{"url":" https://a.example ","weight":2}],
             "param_overrides":{"temperature":0.5},"model_redirect_rules":{"a":"b"},"model_redirect_strict":true,
             "config":{"max_retries":5,"proxy_url":null},"header_rules":[{"key":"x-foo","value":"1","action":"set"}]}""";

    private static GroupEntity create(String json) {
        return GroupChanges.create(GroupRequest.from(object(json)), T0);
    }

    private static void update(GroupEntity e, String json) {
        GroupChanges.update(e, GroupRequest.from(object(json)), () -> 0, T1);
    }

    @Test
    void createsStandardGroupNormalised() {
        GroupEntity e = create(STANDARD);
        assertEquals("std", e.getName());
        assertEquals("Std", e.getDisplayName());
        assertEquals("d", e.getDescription());
        assertEquals("standard", e.getGroupType());
        assertEquals("openai", e.getChannelType());
        assertEquals(3, e.getSort());
        assertEquals("gpt-4o", e.getTestModel());
        assertEquals("/v1/x", e.getValidationEndpoint());
        assertEquals("k1,k2", e.getProxyKeys());
        assertEquals("[{\"url\":\"https://a.example\",\"weight\":2}]", e.getUpstreams());
        assertEquals("{\"temperature\":0.5}", e.getParamOverrides());
        assertEquals("{\"a\":\"b\"}", e.getModelRedirectRules());
        assertTrue(e.isModelRedirectStrict());
        assertEquals("{\"max_retries\":5}", e.getConfig());
        assertEquals("[{\"key\":\"X-Foo\",\"value\":\"1\",\"action\":\"set\"}]", e.getHeaderRules());
        assertEquals(T0, e.getCreatedAt());
        assertEquals(T0, e.getUpdatedAt());
        assertNull(e.getLastValidatedAt());
    }

    @Test
    void minimalStandardGroupHasDefaults() {
        GroupEntity e = create("{\"name\":\"m\",\"channel_type\":\"gemini\",\"test_model\":\"g\","
                + "\"upstreams\":[{\"url\":\"https://g.example\",\"weight\":1}]}");
        assertEquals("", e.getDisplayName());
        assertEquals("", e.getValidationEndpoint());
        assertEquals("[]", e.getHeaderRules());
        assertNull(e.getParamOverrides());
        assertNull(e.getModelRedirectRules());
        assertNull(e.getConfig());
        assertFalse(e.isModelRedirectStrict());
        assertEquals(0, e.getSort());
    }

    @Test
    void aggregateForcesItsFields() {
        GroupEntity e = create("""
                {"name":"agg","group_type":"aggregate","channel_type":"anthropic","test_model":"x",
                 "validation_endpoint":"/custom","upstreams":[{"url":"https://ignored.example","weight":1}]}""");
        assertEquals("aggregate", e.getGroupType());
        assertEquals("[]", e.getUpstreams());
        assertEquals("-", e.getTestModel());
        assertEquals("", e.getValidationEndpoint());
    }

    @Test
    void aggregateRejectsRedirectRulesButAcceptsEmptyOnes() {
        rejects(() -> create("{\"name\":\"agg\",\"group_type\":\"aggregate\",\"channel_type\":\"openai\","
                        + "\"model_redirect_rules\":{\"a\":\"b\"}}"),
                "model_redirect_rules", "model_redirect_rules: aggregate groups cannot have model redirect rules");
        assertNull(create("{\"name\":\"agg\",\"group_type\":\"aggregate\",\"channel_type\":\"openai\","
                + "\"model_redirect_rules\":{}}").getModelRedirectRules());
    }

    @Test
    void createRejectionsNameTheirField() {
        String base = "\"name\":\"g\",\"channel_type\":\"openai\",\"test_model\":\"m\"";
        String ups = ",\"upstreams\":[{\"url\":\"https://a.example\",\"weight\":1}]";
        rejects(() -> create("{\"name\":\"Bad Name\",\"channel_type\":\"openai\",\"test_model\":\"m\"" + ups + "}"),
                "name", "name must be 1-100 characters of lowercase letters, digits, '_' or '-'");
        rejects(() -> create("{\"name\":\"g\",\"channel_type\":\"openai\"" + ups + "}"), "test_model",
                "test_model is required for a standard group");
        rejects(() -> create("{" + base + "}"), "upstreams", "upstreams is required and cannot be empty");
        rejects(() -> create("{" + base + ",\"upstreams\":[{\"url\":\"ftp://a\",\"weight\":1}]}"), "upstreams[0].url",
                "upstreams[0].url must be a valid http:// or https:// URL with a host");
        rejects(() -> create("{" + base + ",\"upstreams\":[{\"url\":\"https://a.example\",\"weight\":0}]}"), "upstreams",
                "upstreams must contain at least one upstream with a weight greater than 0");
        rejects(() -> create("{" + base + ups + ",\"header_rules\":[{\"key\":\"a\",\"value\":\"\",\"action\":\"drop\"}]}"),
                "header_rules[0].action", "header_rules[0].action must be \"set\" or \"remove\"");
        rejects(() -> create("{" + base + ups + ",\"config\":{\"nope\":1}}"), "config.nope", "unknown config field: nope");
        rejects(() -> create("{" + base + ups + ",\"config\":{\"max_retries\":\"3\"}}"), "config.max_retries",
                "config.max_retries must be an integer");
        rejects(() -> create("{" + base + ups + ",\"validation_endpoint\":\"http://x/y\"}"), "validation_endpoint",
                "validation_endpoint must be empty or a path starting with '/' (no scheme or host)");
        rejects(() -> create("{" + base + ups + ",\"param_overrides\":[1]}"), "param_overrides",
                "param_overrides must be a JSON object");
        rejects(() -> create("{" + base + ups + ",\"group_type\":\"other\"}"), "group_type",
                "group_type must be \"standard\" or \"aggregate\"");
    }

    @Test
    void updateChangesOnlyPresentFields() {
        GroupEntity e = create(STANDARD);
        update(e, "{\"description\":\"\",\"sort\":9,\"test_model\":\"  \",\"config\":null,\"upstreams\":null,"
                + "\"model_redirect_strict\":null,\"group_type\":\"aggregate\"}");
        assertEquals("std", e.getName());
        assertEquals("Std", e.getDisplayName());
        assertEquals("", e.getDescription());
        assertEquals(9, e.getSort());
        assertEquals("gpt-4o", e.getTestModel());
        assertEquals("{\"max_retries\":5}", e.getConfig());
        assertEquals("[{\"url\":\"https://a.example\",\"weight\":2}]", e.getUpstreams());
        assertTrue(e.isModelRedirectStrict());
        assertEquals("standard", e.getGroupType());
        assertEquals("k1,k2", e.getProxyKeys());
        assertEquals(T0, e.getCreatedAt());
        assertEquals(T1, e.getUpdatedAt());
    }

    @Test
    void updateReplacesJsonFieldsAndRenames() {
        GroupEntity e = create(STANDARD);
        update(e, """
                {"name":" renamed ","test_model":"o1","config":{},"header_rules":[],"model_redirect_rules":{},
                 "param_overrides":{},"upstreams":[{"url":"https://b.example","weight":1}],"proxy_keys":"",
                 "channel_type":"anthropic","validation_endpoint":""}""");
        assertEquals("renamed", e.getName());
        assertEquals("o1", e.getTestModel());
        assertNull(e.getConfig());
        assertEquals("[]", e.getHeaderRules());
        assertNull(e.getModelRedirectRules());
        assertEquals("{}", e.getParamOverrides());
        assertEquals("[{\"url\":\"https://b.example\",\"weight\":1}]", e.getUpstreams());
        assertEquals("", e.getProxyKeys());
        assertEquals("anthropic", e.getChannelType());
        assertEquals("", e.getValidationEndpoint());
    }

    @Test
    void aggregateKeepsChannelTypeAndForcedFields() {
        GroupEntity e = create("{\"name\":\"agg\",\"group_type\":\"aggregate\",\"channel_type\":\"openai\"}");
        update(e, "{\"channel_type\":\"gemini\",\"test_model\":\"x\",\"validation_endpoint\":\"/v\","
                + "\"upstreams\":[{\"url\":\"https://a.example\",\"weight\":1}]}");
        assertEquals("openai", e.getChannelType());
        assertEquals("-", e.getTestModel());
        assertEquals("", e.getValidationEndpoint());
        assertEquals("[]", e.getUpstreams());
        rejects(() -> update(e, "{\"model_redirect_rules\":{\"a\":\"b\"}}"), "model_redirect_rules",
                "model_redirect_rules: aggregate groups cannot have model redirect rules");
    }

    @Test
    void referencedGroupCannotChangeChannelOrEndpoint() {
        GroupEntity e = create(STANDARD);
        AtomicInteger asked = new AtomicInteger();
        GroupChanges.update(e, GroupRequest.from(object("{\"channel_type\":\"openai\",\"validation_endpoint\":\"/v1/x\"}")),
                () -> { asked.incrementAndGet(); return 2; }, T1);
        assertEquals(0, asked.get(), "unchanged values need no check");
        ValidationException x = rejects(() -> GroupChanges.update(e,
                        GroupRequest.from(object("{\"channel_type\":\"gemini\"}")), () -> 2, T1), "channel_type",
                "channel_type cannot be changed: the group is a sub group of 2 aggregate group(s)");
        assertEquals("group.referenced_by_aggregates", x.messageId());
        rejects(() -> GroupChanges.update(e, GroupRequest.from(object("{\"validation_endpoint\":\"/other\"}")), () -> 1, T1),
                "validation_endpoint", "validation_endpoint cannot be changed: the group is a sub group of 1 aggregate group(s)");
        assertEquals("openai", e.getChannelType());
        GroupChanges.update(e, GroupRequest.from(object("{\"channel_type\":\"gemini\"}")), () -> 0, T1);
        assertEquals("gemini", e.getChannelType());
    }

    @Test
    void updateValidatesPresentFields() {
        GroupEntity e = create(STANDARD);
        rejects(() -> update(e, "{\"name\":\"\"}"), "name",
                "name must be 1-100 characters of lowercase letters, digits, '_' or '-'");
        rejects(() -> update(e, "{\"upstreams\":[]}"), "upstreams",
                "upstreams must contain at least one upstream with a weight greater than 0");
        rejects(() -> update(e, "{\"channel_type\":\"x\"}"), "channel_type",
                "channel_type must be one of: openai, openai-response, gemini, anthropic");
        rejects(() -> update(e, "{\"model_redirect_rules\":{\"a\":\"\"}}"), "model_redirect_rules[\"a\"]",
                "model_redirect_rules[\"a\"] must not be empty");
    }
}
