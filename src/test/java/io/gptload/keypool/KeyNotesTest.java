package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gptload.shared.ValidationException;
import org.junit.jupiter.api.Test;

class KeyNotesTest {

    @Test
    void trimsAndTreatsNullAsEmpty() {
        assertEquals("hello world", KeyNotes.normalize("  hello world \n\t"));
        assertEquals("", KeyNotes.normalize(null));
        assertEquals("", KeyNotes.normalize("   "));
    }

    @Test
    void countsCharactersNotBytesOrUtf16Units() {
        String emoji = "😀".repeat(255);
        assertEquals(emoji, KeyNotes.normalize(" " + emoji + " "), "255 code points are fine though 510 UTF-16 units");
        assertEquals("é".repeat(255), KeyNotes.normalize("é".repeat(255)));
        ValidationException e = assertThrows(ValidationException.class, () -> KeyNotes.normalize("a".repeat(256)));
        assertEquals("notes", e.field());
        assertEquals("notes length must be <= 255 characters", e.getMessage());
        assertThrows(ValidationException.class, () -> KeyNotes.normalize("😀".repeat(256)));
    }
}
