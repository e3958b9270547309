package io.gptload.group;

import static io.gptload.group.TestJson.object;
import static io.gptload.group.TestJson.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GroupRequestTest {

    @Test
    void readsEveryField() {
        GroupRequest r = GroupRequest.from(object("""
                {"name":"a","display_name":"A","description":"d","group_type":"standard","channel_type":"openai",
                 "sort":7,"test_model":"m","validation_endpoint":"/v","model_redirect_strict":false,"proxy_keys":"k",
                 "upstreams":[],"param_overrides":{"x":1},"model_redirect_rules":{},"config":{},"header_rules":[],
                 "unknown":"ignored"}"""));
        assertEquals("a", r.name());
        assertEquals("A", r.displayName());
        assertEquals("d", r.description());
        assertEquals("standard", r.groupType());
        assertEquals("openai", r.channelType());
        assertEquals(7, r.sort());
        assertEquals("m", r.testModel());
        assertEquals("/v", r.validationEndpoint());
        assertFalse(r.modelRedirectStrict());
        assertEquals("k", r.proxyKeys());
        assertEquals("[]", r.upstreams().toString());
        assertEquals("{\"x\":1}", r.paramOverrides().toString());
        assertEquals("{}", r.config().toString());
    }

    @Test
    void absentAndNullAreBothAbsent() {
        GroupRequest r = GroupRequest.from(object("{\"name\":null,\"sort\":null,\"config\":null,\"upstreams\":null}"));
        assertNull(r.name());
        assertNull(r.sort());
        assertNull(r.config());
        assertNull(r.upstreams());
        assertNull(r.headerRules());
        assertNull(r.modelRedirectStrict());
    }

    @Test
    void emptyStringIsPresent() {
        assertEquals("", GroupRequest.from(object("{\"description\":\"\"}")).description());
    }

    @Test
    void wrongTypesNameTheField() {
        rejects(() -> GroupRequest.from(object("{\"name\":5}")), "name", "name must be a string");
        rejects(() -> GroupRequest.from(object("{\"sort\":\"1\"}")), "sort", "sort must be an integer");
        rejects(() -> GroupRequest.from(object("{\"sort\":1.5}")), "sort", "sort must be an integer");
        rejects(() -> GroupRequest.from(object("{\"sort\":99999999999}")), "sort", "sort must be at most 2147483647");
        rejects(() -> GroupRequest.from(object("{\"model_redirect_strict\":\"true\"}")), "model_redirect_strict",
                "model_redirect_strict must be true or false");
    }

    @Test
    void negativeSortIsAccepted() {
        assertEquals(-3, GroupRequest.from(object("{\"sort\":-3}")).sort());
    }
}
