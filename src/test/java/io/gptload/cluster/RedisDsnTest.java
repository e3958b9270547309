package io.gptload.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedisDsnTest {

    @Test
    void readsEveryPartOfGptLoadsForm() {
        RedisDsn d = RedisDsn.parse("redis://user:p%40ss@cache.internal:6380/3");
        assertEquals(new RedisDsn("cache.internal", 6380, "user", "p@ss", 3, false), d);
    }

    @Test
    void defaultsAndPasswordOnly() {
        assertEquals(new RedisDsn("127.0.0.1", 6379, "", "", 0, false), RedisDsn.parse("redis://127.0.0.1"));
        RedisDsn d = RedisDsn.parse("rediss://:s3cret@redis.example.com:6390");
        assertEquals("", d.user());
        assertEquals("s3cret", d.password());
        assertTrue(d.tls());
        assertEquals("name", RedisDsn.parse("redis://name@h").user(), "a lone value is a user name, as go-redis reads it");
    }

    @Test
    void neverShowsThePassword() {
        String shown = RedisDsn.parse("redis://user:topsecret@h:1/2").toString();
        assertFalse(shown.contains("topsecret"), shown);
        assertEquals("redis://user:****@h:1/2", shown);
    }

    @Test
    void badDsnsSayWhatIsWrongWithoutThePassword() {
        for (String bad : new String[]{"", "http://h:6379", "redis://:pw@/0", "redis://h:6379/x", "redis://:pw@h:6379/-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisDsn.parse(bad), bad);
            assertFalse(e.getMessage().contains("pw"), e.getMessage());
        }
    }
}
