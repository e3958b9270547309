package io.gptload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiMessagesTest {

    @Test
    void fixedTextsFollowTheCallersLanguage() {
        assertEquals("操作成功", ApiMessages.localize("Success", "zh-CN,zh;q=0.9"));
        assertEquals("操作が成功しました", ApiMessages.localize("Success", "ja"));
        assertEquals("Success", ApiMessages.localize("Success", "fr-FR"));
        assertEquals("Success", ApiMessages.localize("Success", null));
    }

    @Test
    void numbersAreKept() {
        assertEquals("已恢复 12 个密钥", ApiMessages.localize("12 keys restored", "zh"));
        assertEquals("3 件の無効なキーを削除しました", ApiMessages.localize("3 invalid keys cleared", "ja-JP"));
        assertEquals("批量大小超过 5000 个密钥的限制，实际为 5001",
                ApiMessages.localize("batch size exceeds the limit of 5000 keys, got 5001", "zh-CN"));
    }

    @Test
    void unknownTextsStayEnglish() {
        assertEquals("Something else", ApiMessages.localize("Something else", "zh-CN"));
        assertEquals("x keys restored", ApiMessages.localize("x keys restored", "zh-CN"));
    }
}
