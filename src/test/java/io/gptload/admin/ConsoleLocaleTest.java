package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConsoleLocaleTest {

    @Test
    void theBrowsersFirstLanguagePicksTheStartingLanguage() {
        assertEquals("zh", ConsoleLocale.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals("zh", ConsoleLocale.fromAcceptLanguage("zh-TW"));
        assertEquals("ja", ConsoleLocale.fromAcceptLanguage("ja"));
        assertEquals("en", ConsoleLocale.fromAcceptLanguage("en-GB,ja;q=0.5"));
        assertEquals("en", ConsoleLocale.fromAcceptLanguage("fr-FR"));
        assertEquals("en", ConsoleLocale.fromAcceptLanguage(""));
        assertEquals("en", ConsoleLocale.fromAcceptLanguage(null));
    }

    @Test
    void startsInEnglishAndSwitchesAmongTheThreeLanguages() {
        ConsoleLocale l = new ConsoleLocale();
        assertEquals("en", l.getLanguage());
        assertEquals(Locale.ENGLISH, l.getLocale());
        l.setLanguage("zh");
        assertEquals(Locale.CHINESE, l.getLocale());
        l.setLanguage("ja");
        assertEquals(Locale.JAPANESE, l.getLocale());
    }

    @Test
    void anythingElseLeavesTheLanguageAsItIs() {
        ConsoleLocale l = new ConsoleLocale();
        l.setLanguage("ja");
        for (String bad : new String[] {null, "", "fr", "ZH", "zh-CN", "en "}) {
            l.setLanguage(bad);
            assertEquals("ja", l.getLanguage(), String.valueOf(bad));
        }
    }

    @Test
    void theMenuListsEachLanguageInItsOwnName() {
        assertEquals(List.of("en", "zh", "ja"), new ConsoleLocale().getLanguages().stream()
                .map(ConsoleLocale.Language::code).toList());
        assertEquals(List.of("English", "中文", "日本語"), ConsoleLocale.LANGUAGES.stream()
                .map(ConsoleLocale.Language::name).toList());
    }
}
