package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProxyKeyGeneratorTest {

    private static final Pattern FORMAT = Pattern.compile("sk-[A-Za-z0-9_-]{48}");

    @Test
    void keysAreSkAnd48UrlSafeCharactersAndNeverRepeat() {
        Set<String> keys = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String k = ProxyKeyGenerator.generate();
            assertTrue(FORMAT.matcher(k).matches(), k);
            assertEquals(51, k.length());
            keys.add(k);
            k.substring(3).chars().forEach(c -> used.add((char) c));
        }
        assertEquals(2000, keys.size());
        assertEquals(64, used.size(), "every character of the alphabet is drawn: " + used.size());
    }
}
