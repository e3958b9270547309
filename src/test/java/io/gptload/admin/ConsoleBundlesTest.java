package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.dashboard.SecurityWarning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's three bundles say the same things, and every text a page or bean asks for exists. */
class ConsoleBundlesTest {

    private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.CHINESE, Locale.JAPANESE);
    /** Keys the beans use, and the severity keys the dashboard builds from a warning's severity. */
    private static final Set<String> FROM_CODE = Set.of("login.wrong", "login.required", "login.blocked",
            "dashboard.chart.success", "dashboard.chart.failure", "settings.saved", "settings.unchanged",
            "dashboard.severity." + SecurityWarning.HIGH, "dashboard.severity." + SecurityWarning.MEDIUM);

    private static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle(ConsoleMessages.BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Set<String> pageKeys() throws IOException {
        Pattern ref = Pattern.compile("msg\\['([^']+)'\\]");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                Matcher m = ref.matcher(Files.readString(p));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void theThreeLanguagesHaveTheSameKeys() {
        Set<String> en = new TreeSet<>(bundle(Locale.ENGLISH).keySet());
        assertEquals(en, new TreeSet<>(bundle(Locale.CHINESE).keySet()));
        assertEquals(en, new TreeSet<>(bundle(Locale.JAPANESE).keySet()));
    }

    @Test
    void everyKeyThePagesAndBeansUseExistsInEveryLanguage() throws IOException {
        Set<String> used = new TreeSet<>(pageKeys());
        assertTrue(used.size() > 20, "pages were scanned: " + used);
        used.addAll(FROM_CODE);
        for (Locale l : LOCALES) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(bundle(l).keySet());
            assertEquals(Set.of(), missing, "missing in " + l);
        }
    }

    @Test
    void textsAreReadAsUtf8() {
        assertEquals("仪表盘", bundle(Locale.CHINESE).getString("menu.dashboard"));
        assertEquals("ダッシュボード", bundle(Locale.JAPANESE).getString("menu.dashboard"));
        assertEquals("Dashboard", bundle(Locale.ENGLISH).getString("menu.dashboard"));
    }

    @Test
    void noTextIsEmptyAndTheBlockedMessageTakesTheSeconds() {
        for (Locale l : LOCALES) {
            ResourceBundle b = bundle(l);
            b.keySet().forEach(k -> assertFalse(b.getString(k).isBlank(), k + " in " + l));
            String blocked = new java.text.MessageFormat(b.getString("login.blocked"), l).format(new Object[] {42L});
            assertTrue(blocked.contains("42"), blocked);
        }
    }
}
