package io.gptload.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.tools.MigrateKeysOptions.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrateKeysOptionsTest {

    @Test
    void toAloneEnables() throws Exception {
        MigrateKeysOptions o = MigrateKeysOptions.parse(List.of("--to", "new-key"));
        assertEquals(Scenario.ENABLE, o.scenario());
        assertEquals("", o.from());
        assertEquals("new-key", o.to());
    }

    @Test
    void fromAloneDisablesAndBothRotate() throws Exception {
        assertEquals(Scenario.DISABLE, MigrateKeysOptions.parse(List.of("--from", "old")).scenario());
        MigrateKeysOptions both = MigrateKeysOptions.parse(List.of("--from=old", "--to=new=with=equals"));
        assertEquals(Scenario.ROTATE, both.scenario());
        assertEquals("old", both.from());
        assertEquals("new=with=equals", both.to());
    }

    @Test
    void helpWinsAnywhere() throws Exception {
        assertTrue(MigrateKeysOptions.parse(List.of("--help")).help());
        assertTrue(MigrateKeysOptions.parse(List.of("--to", "x", "-h")).help());
    }

    @Test
    void valuesMayStartWithADash() throws Exception {
        assertEquals("-dash-key", MigrateKeysOptions.parse(List.of("--to", "-dash-key")).to());
    }

    @Test
    void nothingToDoIsAUsageError() {
        assertEquals("nothing to do: give --to (enable), --from (disable) or both (rotate)",
                usageError());
        assertTrue(usageError("--from", "same", "--to", "same").contains("the same key"));
    }

    @Test
    void badCommandLinesAreRefusedWithoutRepeatingValues() {
        assertEquals("unknown option '--form'", usageError("--form=secret-value"));
        assertEquals("unknown option '--force'", usageError("--force"));
        assertEquals("unexpected argument; keys go right after --from or --to", usageError("secret-value"));
        assertEquals("--to needs a value", usageError("--to"));
        assertEquals("--to needs a non-empty value", usageError("--to="));
        assertEquals("--from given twice", usageError("--from", "a", "--from", "b"));
        assertFalse(usageError("--to", "k", "stray-secret").contains("stray-secret"));
    }

    @Test
    void toStringHidesTheKeys() throws Exception {
        String text = MigrateKeysOptions.parse(List.of("--from", "old-secret", "--to", "new-secret")).toString();
        assertFalse(text.contains("secret"), text);
    }

    private static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> MigrateKeysOptions.parse(List.of(args))).getMessage();
    }
}
