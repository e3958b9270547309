package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void parsesCommentsExportQuotesAndInlineComments() {
        Map<String, String> m = DotEnv.parse("""
                # comment
                PORT=3001
                export HOST = 127.0.0.1
                AUTH_KEY="sk-with spaces#not-a-comment"
                SINGLE='a b'
                TRAIL=value # comment
                EMPTY=
                bad line
                =novalue
                """);
        assertEquals("3001", m.get("PORT"));
        assertEquals("127.0.0.1", m.get("HOST"));
        assertEquals("sk-with spaces#not-a-comment", m.get("AUTH_KEY"));
        assertEquals("a b", m.get("SINGLE"));
        assertEquals("value", m.get("TRAIL"));
        assertEquals("", m.get("EMPTY"));
        assertEquals(6, m.size());
    }

    @Test
    void missingFileIsEmpty() throws Exception {
        assertFalse(DotEnv.read(Path.of("/nonexistent/.env")).containsKey("X"));
    }
}
