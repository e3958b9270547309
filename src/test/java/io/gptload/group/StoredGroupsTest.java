package io.gptload.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.channel.ChannelType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredGroupsTest {

    private static GroupEntity row() {
        GroupEntity e = new GroupEntity();
        e.setName("g");
        e.setGroupType("standard");
        e.setChannelType("openai");
        e.setTestModel("m");
        e.setUpstreams("[{\"url\":\"https://a.example\",\"weight\":1}]");
        e.setHeaderRules("[]");
        e.setCreatedAt(LocalDateTime.of(2025, 1, 1, 0, 0));
        return e;
    }

    @Test
    void readsAWellFormedRow() {
        GroupEntity e = row();
        e.setConfig("{\"max_retries\":2}");
        e.setModelRedirectRules("{\"a\":\"b\"}");
        e.setParamOverrides("{\"t\":1}");
        e.setHeaderRules("[{\"key\":\"X-A\",\"value\":\"v\",\"action\":\"remove\"}]");
        GroupDefinition d = StoredGroups.toDefinition(e);
        assertEquals(ChannelType.OPENAI, d.channelType());
        assertEquals(List.of(new Upstream("https://a.example", 1)), d.upstreams());
        assertEquals(Map.of("max_retries", 2), d.config().values());
        assertEquals(Map.of("a", "b"), d.modelRedirectRules());
        assertEquals(Map.of("t", "1"), d.paramOverrides());
        assertEquals(List.of(new HeaderRule("X-A", "v", HeaderRule.Action.REMOVE)), d.headerRules());
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 0), d.createdAt());
    }

    @Test
    void brokenColumnsReadAsEmpty() {
        GroupEntity e = row();
        e.setConfig("{\"max_retries\":-1,\"unknown\":1,\"blacklist_threshold\":7}");
        e.setModelRedirectRules("not json");
        e.setParamOverrides("[1,2]");
        e.setHeaderRules(null);
        e.setUpstreams("[{\"url\":\"https://a.example\",\"weight\":0},{\"url\":5}]");
        GroupDefinition d = StoredGroups.toDefinition(e);
        assertEquals(Map.of("blacklist_threshold", 7), d.config().values());
        assertTrue(d.modelRedirectRules().isEmpty());
        assertTrue(d.paramOverrides().isEmpty());
        assertTrue(d.headerRules().isEmpty());
        assertEquals(List.of(new Upstream("https://a.example", 0)), d.upstreams());
    }

    @Test
    void aggregateHasNoUpstreamsAndUnknownChannelIsSkipped() {
        GroupEntity e = row();
        e.setGroupType("aggregate");
        assertTrue(StoredGroups.toDefinition(e).aggregate());
        assertTrue(StoredGroups.toDefinition(e).upstreams().isEmpty());
        e.setChannelType("custom");
        assertNull(StoredGroups.toDefinition(e));
    }
}
