package io.gptload.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvLineTest {

    @Test
    void quotesOnlyWhenNeeded() {
        assertEquals("a,b,200\n", CsvLine.of("a", "b", "200"));
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\" lead\",\"\r\"\n",
                CsvLine.of("a,b", "say \"hi\"", "x\ny", " lead", "\r"));
        assertEquals(",,\n", CsvLine.of("", null, ""));
    }
}
