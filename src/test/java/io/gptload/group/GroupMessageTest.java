package io.gptload.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.settings.ValidationMessage;
import io.gptload.shared.ValidationException;
import org.junit.jupiter.api.Test;

class GroupMessageTest {

    @Test
    void localisesOwnMessages() {
        ValidationException e = GroupMessage.SUB_GROUP_EXISTS.exception("sub_groups[0].group_id", 7);
        assertEquals("sub_groups[0].group_id: Sub group 7 already exists", e.getMessage());
        assertEquals("sub_groups[0].group_id：子分组 7 已存在", GroupMessage.localize(e, "zh-CN,zh;q=0.9").orElseThrow());
        assertEquals("sub_groups[0].group_id: サブグループ 7 は既に存在します", GroupMessage.localize(e, "ja").orElseThrow());
        assertEquals(e.getMessage(), GroupMessage.localize(e, "fr-FR").orElseThrow());
    }

    @Test
    void ignoresOtherMessages() {
        assertTrue(GroupMessage.localize(ValidationMessage.EMPTY.exception("x"), "en").isEmpty());
    }

    @Test
    void everyMessageNamesItsField() {
        for (GroupMessage m : GroupMessage.values()) {
            assertTrue(m.exception("the_field", "1", "2").getMessage().contains("the_field"), m.name());
        }
    }
}
