package io.gptload.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void quotedLiteralsAndFurtherLinesAreCutOut() {
        SQLException e = new SQLException("Value too long for column: 'sk-secret-value' (300)\nSQL statement: x",
                "22001");
        assertEquals("SQLState 22001: Value too long for column: '…' (300)", SqlErrors.describe(e));
    }

    @Test
    void noMessage() {
        assertEquals("SQLState null: ", SqlErrors.describe(new SQLException()));
    }
}
