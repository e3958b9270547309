package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every text the group editor and sub-group beans ask for exists in the three languages and formats. */
class GroupEditorTextsTest {

    private static final List<String> BEANS = List.of("GroupEditorBacking.java", "SubGroupsBacking.java", "GroupForm.java");

    private static Set<String> codeKeys() throws IOException {
        Pattern literal = Pattern.compile("\"((?:groups|subgroups)\\.[A-Za-z.]+)\"");
        Set<String> keys = new TreeSet<>();
        for (String bean : BEANS) {
            Matcher m = literal.matcher(Files.readString(Path.of("src/main/java/io/gptload/admin", bean)));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    @Test
    void theBeansTextsExistInEveryLanguageAndTakeTheirArguments() throws IOException {
        Set<String> keys = codeKeys();
        assertTrue(keys.size() >= 15, keys.toString());
        for (Locale l : List.of(Locale.ENGLISH, Locale.CHINESE, Locale.JAPANESE)) {
            ResourceBundle b = ResourceBundle.getBundle(ConsoleMessages.BUNDLE, l,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String k : keys) {
                assertTrue(b.containsKey(k), k + " missing in " + l);
                String text = new MessageFormat(b.getString(k), l).format(new Object[] {"ARG0", "ARG1"});
                if (b.getString(k).contains("{0}")) {
                    assertTrue(text.contains("ARG0"), k + " in " + l + ": " + text);
                }
            }
        }
    }
}
