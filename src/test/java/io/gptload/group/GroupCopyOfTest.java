package io.gptload.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class GroupCopyOfTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 2, 3, 4, 5);
    private static final LocalDateTime T1 = T0.plusDays(1);

    private static GroupEntity source() {
        GroupEntity s = new GroupEntity();
        s.setName("src");
        s.setDisplayName("Source");
        s.setDescription("d");
        s.setGroupType("standard");
        s.setUpstreams("[{\"url\":\"https://a.example\",\"weight\":2}]");
        s.setValidationEndpoint("/v1/x");
        s.setChannelType("gemini");
        s.setSort(9);
        s.setTestModel("m");
        s.setParamOverrides("{\"t\":1}");
        s.setConfig("{\"max_retries\":2}");
        s.setHeaderRules("[{\"key\":\"X-A\",\"value\":\"1\",\"action\":\"set\"}]");
        s.setModelRedirectRules("{\"a\":\"b\"}");
        s.setModelRedirectStrict(true);
        s.setProxyKeys("pk1,pk2");
        s.setLastValidatedAt(T0);
        s.setCreatedAt(T0);
        s.setUpdatedAt(T0);
        return s;
    }

    @Test
    void copiesEveryColumnButIdentityAndTimes() {
        GroupEntity s = source();
        GroupEntity c = GroupChanges.copyOf(s, "src_copy", T1);
        assertEquals("src_copy", c.getName());
        assertEquals("Source Copy", c.getDisplayName());
        assertEquals(s.getDescription(), c.getDescription());
        assertEquals(s.getGroupType(), c.getGroupType());
        assertEquals(s.getUpstreams(), c.getUpstreams());
        assertEquals(s.getValidationEndpoint(), c.getValidationEndpoint());
        assertEquals(s.getChannelType(), c.getChannelType());
        assertEquals(9, c.getSort());
        assertEquals(s.getTestModel(), c.getTestModel());
        assertEquals(s.getParamOverrides(), c.getParamOverrides());
        assertEquals(s.getConfig(), c.getConfig());
        assertEquals(s.getHeaderRules(), c.getHeaderRules());
        assertEquals(s.getModelRedirectRules(), c.getModelRedirectRules());
        assertEquals(true, c.isModelRedirectStrict());
        assertEquals("pk1,pk2", c.getProxyKeys());
        assertNull(c.getId());
        assertNull(c.getLastValidatedAt());
        assertEquals(T1, c.getCreatedAt());
        assertEquals(T1, c.getUpdatedAt());
        assertEquals("Source", s.getDisplayName());
    }

    @Test
    void emptyDisplayNameStaysEmpty() {
        GroupEntity s = source();
        s.setDisplayName("");
        assertEquals("", GroupChanges.copyOf(s, "x", T1).getDisplayName());
        s.setDisplayName(null);
        assertEquals("", GroupChanges.copyOf(s, "x", T1).getDisplayName());
    }
}
