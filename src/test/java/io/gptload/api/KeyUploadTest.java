package io.gptload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeyUploadTest {

    @Test
    void extensionIsTheLastDotOfTheFileNameLowerCased() {
        assertEquals(".txt", KeyUpload.extension("keys.txt"));
        assertEquals(".txt", KeyUpload.extension("KEYS.TXT"));
        assertEquals(".txt", KeyUpload.extension("backup.csv.txt"));
        assertEquals(".txt", KeyUpload.extension(".txt"));
        assertEquals(".csv", KeyUpload.extension("keys.txt.csv"));
        assertEquals("", KeyUpload.extension("txt"));
        assertEquals("", KeyUpload.extension("dir.txt/keys"), "a dot in a folder name does not count");
        assertEquals("", KeyUpload.extension("C:\\dir.txt\\keys"));
        assertEquals(".", KeyUpload.extension("keys."));
    }
}
