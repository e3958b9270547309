package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleThemeTest {

    @Test
    void startsLightAndFlipsBetweenLightAndDark() {
        ConsoleTheme t = new ConsoleTheme();
        assertFalse(t.isDark());
        assertEquals("saga-blue", t.getName());
        t.flip();
        assertTrue(t.isDark());
        assertEquals("arya-blue", t.getName());
        t.flip();
        assertEquals("saga-blue", t.getName());
    }

    @Test
    void bothThemesAreOnTheClasspath() {
        for (String theme : new String[] {ConsoleTheme.LIGHT, ConsoleTheme.DARK}) {
            String css = "META-INF/resources/primefaces-" + theme + "/theme.css";
            assertTrue(getClass().getClassLoader().getResource(css) != null, css);
        }
    }
}
