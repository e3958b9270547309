package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.channel.ChannelType;
import io.gptload.group.GroupChanges;
import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupEntity;
import io.gptload.group.GroupRequest;
import io.gptload.group.HeaderRule;
import io.gptload.group.StoredGroups;
import io.gptload.group.Upstream;
import io.gptload.shared.ValidationException;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editor form turns into the request the API would send, and a stored group back into the form. */
class GroupFormTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2025, 1, 2, 3, 4, 5);

    /** A standard group filled in as an operator would, with one empty upstream row left over. */
    private static GroupForm filled() {
        GroupForm f = GroupForm.blank();
        f.setName("team-a");
        f.setDisplayName("Team A");
        f.setDescription("for the team");
        f.setChannelType("gemini");
        f.setSort(7);
        f.setTestModel("gemini-2.0-flash");
        f.setValidationEndpoint("/v1beta/models");
        f.getUpstreams().get(0).setUrl("https://one.example");
        f.getUpstreams().get(0).setWeight(3);
        f.addUpstream();
        f.addUpstream();
        f.getUpstreams().get(2).setUrl(" https://two.example ");
        f.getUpstreams().get(2).setWeight(1);
        f.setParamOverrides("{\"temperature\": 0.5, \"top_k\": {\"a\": [1, 2]}}");
        f.addRedirect();
        f.getRedirects().get(0).setFrom("gpt-4");
        f.getRedirects().get(0).setTo("gemini-2.0-pro");
        f.setRedirectStrict(true);
        f.addHeader();
        f.getHeaders().get(0).setKey("x-team");
        f.getHeaders().get(0).setValue("${CLIENT_IP}");
        f.addHeader();
        f.getHeaders().get(1).setKey("User-Agent");
        f.getHeaders().get(1).setAction("remove");
        f.addConfig();
        f.getConfig().get(0).setKey("request_timeout");
        f.getConfig().get(0).setValue(" 42 ");
        f.addConfig();
        f.getConfig().get(1).setKey("enable_request_body_logging");
        f.getConfig().get(1).setValue("true");
        f.addConfig();
        f.getConfig().get(2).setKey("proxy_url");
        f.getConfig().get(2).setValue("");
        f.addConfig(); // a row left empty is ignored
        f.setProxyKeys("sk-first-key-1234\n sk-second-key-5678, sk-third-key-9012\n\nsk-first-key-1234");
        return f;
    }

    @Test
    void aFilledStandardFormBecomesTheRequestTheServiceStoresAsTyped() {
        GroupRequest r = filled().toRequest();
        assertEquals("standard", r.groupType());
        assertEquals("gemini", r.channelType());
        assertEquals(7, r.sort());
        assertEquals(true, r.modelRedirectStrict());
        assertEquals("sk-first-key-1234,sk-second-key-5678,sk-third-key-9012", r.proxyKeys());
        assertEquals(2, r.upstreams().asJsonArray().size(), "the empty row is not sent");

        GroupEntity e = GroupChanges.create(r, NOW);
        GroupDefinition d = StoredGroups.toDefinition(e);
        assertEquals("team-a", d.name());
        assertEquals("Team A", d.displayName());
        assertEquals("for the team", d.description());
        assertEquals(ChannelType.GEMINI, d.channelType());
        assertEquals("gemini-2.0-flash", d.testModel());
        assertEquals("/v1beta/models", d.validationEndpoint());
        assertEquals(List.of(new Upstream("https://one.example", 3), new Upstream("https://two.example", 1)),
                d.upstreams());
        assertEquals(Map.of("temperature", "0.5", "top_k", "{\"a\":[1,2]}"), d.paramOverrides());
        assertEquals(Map.of("gpt-4", "gemini-2.0-pro"), d.modelRedirectRules());
        assertTrue(d.modelRedirectStrict());
        assertEquals(List.of(new HeaderRule("X-Team", "${CLIENT_IP}", HeaderRule.Action.SET),
                new HeaderRule("User-Agent", "", HeaderRule.Action.REMOVE)), d.headerRules());
        assertEquals(Map.of("request_timeout", "42", "enable_request_body_logging", "true", "proxy_url", ""),
                d.config().asStrings());
        assertEquals(List.of("sk-first-key-1234", "sk-second-key-5678", "sk-third-key-9012"), d.proxyKeyList());
    }

    @Test
    void aStoredGroupFillsTheFormAndSavingItUnchangedChangesNothing() {
        GroupDefinition stored = StoredGroups.toDefinition(GroupChanges.create(filled().toRequest(), NOW));
        GroupForm f = GroupForm.of(stored);
        assertFalse(f.isNew());
        assertFalse(f.isAggregate());
        assertEquals(2, f.getUpstreams().size());
        assertEquals("https://two.example", f.getUpstreams().get(1).getUrl());
        assertTrue(f.getParamOverrides().contains("\"temperature\""), f.getParamOverrides());
        assertEquals("sk-first-key-1234\nsk-second-key-5678\nsk-third-key-9012", f.getProxyKeys());
        assertEquals(List.of("enable_request_body_logging", "request_timeout", "proxy_url"),
                f.getConfig().stream().map(ConfigRow::getKey).toList(), "in catalogue order");
        assertTrue(f.getConfig().get(0).isBool());
        assertFalse(f.getConfig().get(1).isBool());

        GroupRequest update = f.toRequest();
        assertNull(update.groupType(), "the type cannot change");
        GroupEntity e = GroupChanges.create(filled().toRequest(), NOW);
        GroupChanges.update(e, update, () -> 0, NOW);
        GroupDefinition again = StoredGroups.toDefinition(e);
        assertEquals(stored.upstreams(), again.upstreams());
        assertEquals(stored.paramOverrides(), again.paramOverrides());
        assertEquals(stored.modelRedirectRules(), again.modelRedirectRules());
        assertEquals(stored.headerRules(), again.headerRules());
        assertEquals(stored.config(), again.config());
        assertEquals(stored.proxyKeys(), again.proxyKeys());
        assertEquals(stored.sort(), again.sort());
    }

    @Test
    void clearedRowsAndTextClearTheStoredValuesOnEdit() {
        GroupEntity e = GroupChanges.create(filled().toRequest(), NOW);
        GroupForm f = GroupForm.of(StoredGroups.toDefinition(e));
        f.getRedirects().clear();
        f.getHeaders().clear();
        f.getConfig().clear();
        f.setParamOverrides("  ");
        f.setProxyKeys("");
        GroupRequest r = f.toRequest();
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, r.paramOverrides(), "clearing needs an empty object, not null");
        GroupChanges.update(e, r, () -> 0, NOW);
        GroupDefinition d = StoredGroups.toDefinition(e);
        assertEquals(Map.of(), d.paramOverrides());
        assertEquals(Map.of(), d.modelRedirectRules());
        assertEquals(List.of(), d.headerRules());
        assertTrue(d.config().isEmpty());
        assertEquals("", d.proxyKeys());
    }

    @Test
    void withoutOverridesBeforeAnEmptyTextSendsNothing() {
        GroupForm f = filled();
        f.setParamOverrides("");
        assertNull(f.toRequest().paramOverrides());
        GroupForm edit = GroupForm.of(StoredGroups.toDefinition(GroupChanges.create(f.toRequest(), NOW)));
        assertNull(edit.toRequest().paramOverrides());
    }

    @Test
    void anAggregateSendsOnlyWhatAppliesToIt() {
        GroupForm f = filled();
        f.setGroupType("aggregate");
        assertTrue(f.isAggregate());
        GroupRequest r = f.toRequest();
        assertEquals("aggregate", r.groupType());
        assertEquals("gemini", r.channelType());
        assertNull(r.upstreams());
        assertNull(r.modelRedirectRules());
        assertNull(r.headerRules());
        assertNull(r.config());
        assertNull(r.paramOverrides());
        assertNull(r.testModel());
        GroupDefinition d = StoredGroups.toDefinition(GroupChanges.create(r, NOW));
        assertTrue(d.aggregate());
        assertEquals("team-a", d.name());

        GroupForm edit = GroupForm.of(d);
        assertTrue(edit.isAggregate());
        edit.setGroupType("standard");
        assertTrue(edit.isAggregate(), "the type of an existing group stays");
        GroupRequest update = edit.toRequest();
        assertNull(update.channelType(), "an aggregate keeps its channel type");
        assertNull(update.groupType());
        assertEquals("Team A", update.displayName());
    }

    @Test
    void paramOverridesThatAreNotJsonAreRefusedForThatField() {
        GroupForm f = filled();
        f.setParamOverrides("{temperature: 1");
        ValidationException e = assertThrows(ValidationException.class, f::toRequest);
        assertEquals("param_overrides", e.field());
        f.markInvalid(e.field());
        assertTrue(f.invalid("param_overrides"));
        assertFalse(f.invalid("name"));
    }

    @Test
    void configValuesMustHaveTheSettingsType() {
        GroupForm f = filled();
        f.getConfig().get(0).setValue("soon");
        ValidationException e = assertThrows(ValidationException.class, f::toRequest);
        assertEquals("config.request_timeout", e.field());
        assertTrue(f.getConfig().get(0).isInvalid());

        GroupForm g = filled();
        g.getConfig().get(1).setValue("maybe");
        assertEquals("config.enable_request_body_logging", assertThrows(ValidationException.class, g::toRequest).field());

        GroupForm h = filled();
        h.getConfig().get(0).setValue("0");
        ValidationException below = assertThrows(ValidationException.class,
                () -> GroupChanges.create(h.toRequest(), NOW));
        assertEquals("config.request_timeout", below.field(), "the service's own rule (min 1) still applies");
        h.markInvalid(below.field());
        assertTrue(h.getConfig().get(0).isInvalid());
        assertTrue(h.invalid("config"));
    }

    @Test
    void duplicateRowsAndAValueWithoutSettingAreTheFormsOwnRefusals() {
        GroupForm f = filled();
        f.addConfig();
        f.getConfig().get(4).setKey("request_timeout");
        f.getConfig().get(4).setValue("9");
        ValidationException dup = assertThrows(ValidationException.class, f::toRequest);
        assertEquals("console:groups.error.duplicateConfig", dup.messageId());
        assertEquals(List.of("config.request_timeout", "request_timeout"), dup.args());

        GroupForm g = filled();
        g.getConfig().get(3).setValue("5");
        assertEquals("console:groups.error.configKey", assertThrows(ValidationException.class, g::toRequest).messageId());
        assertTrue(g.getConfig().get(3).isInvalid());

        GroupForm h = filled();
        h.addRedirect();
        h.getRedirects().get(1).setFrom(" gpt-4 ");
        h.getRedirects().get(1).setTo("other");
        assertEquals("console:groups.error.duplicateRedirect",
                assertThrows(ValidationException.class, h::toRequest).messageId());
        assertTrue(h.getRedirects().get(1).isInvalid());
    }

    @Test
    void aRefusedRowIsMarkedWhereTheOperatorSeesItEvenWithEmptyRowsBefore() {
        GroupForm f = filled();
        f.getUpstreams().get(2).setUrl("ftp://bad.example");
        ValidationException e = assertThrows(ValidationException.class, () -> GroupChanges.create(f.toRequest(), NOW));
        assertEquals("upstreams[1].url", e.field());
        f.markInvalid(e.field());
        assertFalse(f.getUpstreams().get(0).invalid("url"));
        assertFalse(f.getUpstreams().get(1).invalid("url"), "the empty row was not sent");
        assertTrue(f.getUpstreams().get(2).invalid("url"));
        assertTrue(f.invalid("upstreams"));

        GroupForm g = filled();
        g.getHeaders().add(0, new HeaderRow());
        g.getHeaders().get(2).setKey("X-Team");
        ValidationException h = assertThrows(ValidationException.class, () -> GroupChanges.create(g.toRequest(), NOW));
        assertEquals("header_rules[1].key", h.field());
        g.markInvalid(h.field());
        assertTrue(g.getHeaders().get(2).invalid("key"));
        assertFalse(g.getHeaders().get(1).invalid("key"));

        GroupForm r = filled();
        r.addRedirect();
        r.getRedirects().get(1).setFrom("claude");
        ValidationException empty = assertThrows(ValidationException.class, () -> GroupChanges.create(r.toRequest(), NOW));
        r.markInvalid(empty.field());
        assertTrue(r.getRedirects().get(1).isInvalid(), empty.field());
        assertFalse(r.getRedirects().get(0).isInvalid());

        r.markInvalid("name");
        assertTrue(r.invalid("name"));
        assertFalse(r.getRedirects().get(1).isInvalid(), "marks of an earlier refusal are gone");
    }

    @Test
    void rowsAreAddedAndRemovedByPosition() {
        GroupForm f = GroupForm.blank();
        assertEquals(1, f.getUpstreams().size());
        f.addUpstream();
        f.getUpstreams().get(1).setUrl("https://b.example");
        f.removeUpstream(0);
        assertEquals("https://b.example", f.getUpstreams().get(0).getUrl());
        f.removeUpstream(5);
        assertEquals(1, f.getUpstreams().size());
        f.appendProxyKey("sk-aaaaaaaaaaaaaaaa");
        f.appendProxyKey("sk-bbbbbbbbbbbbbbbb");
        assertEquals("sk-aaaaaaaaaaaaaaaa\nsk-bbbbbbbbbbbbbbbb", f.getProxyKeys());
    }

    @Test
    void proxyKeyTextAcceptsLinesAndCommas() {
        assertEquals("a1,b2,c3", GroupForm.proxyKeyText("a1\r\nb2 , c3,,\n a1"));
        assertEquals("", GroupForm.proxyKeyText(" \n, "));
        assertEquals("", GroupForm.proxyKeyText(null));
    }
}
