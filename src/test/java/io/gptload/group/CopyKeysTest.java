package io.gptload.group;

import static io.gptload.group.TestJson.object;
import static io.gptload.group.TestJson.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CopyKeysTest {

    @Test
    void readsTheThreeOptionsAndDefaultsToAll() {
        assertEquals(CopyKeys.NONE, CopyKeys.parse("none"));
        assertEquals(CopyKeys.VALID_ONLY, CopyKeys.parse(" valid_only "));
        assertEquals(CopyKeys.ALL, CopyKeys.parse("all"));
        assertEquals(CopyKeys.ALL, CopyKeys.parse(""));
        assertEquals(CopyKeys.ALL, CopyKeys.parse(null));
        assertEquals(CopyKeys.ALL, CopyKeys.from(object("{}")));
        assertEquals(CopyKeys.ALL, CopyKeys.from(object("{\"copy_keys\":null}")));
        assertEquals(CopyKeys.NONE, CopyKeys.from(object("{\"copy_keys\":\"none\"}")));
    }

    @Test
    void rejectsAnythingElse() {
        rejects(() -> CopyKeys.parse("ALL"), "copy_keys", "copy_keys must be \"none\", \"valid_only\" or \"all\"");
        rejects(() -> CopyKeys.parse("active"), "copy_keys", "copy_keys must be \"none\", \"valid_only\" or \"all\"");
        rejects(() -> CopyKeys.from(object("{\"copy_keys\":1}")), "copy_keys", "copy_keys must be a string");
    }
}
