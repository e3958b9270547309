package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TZ from .env becomes the JVM's zone unless the environment or -Duser.timezone says otherwise. */
class LocalTimeZoneTest {

    private TimeZone before;
    private String property;

    @BeforeEach
    void remember() {
        before = TimeZone.getDefault();
        property = System.getProperty("user.timezone");
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(before);
        if (property == null) {
            System.clearProperty("user.timezone");
        } else {
            System.setProperty("user.timezone", property);
        }
    }

    @Test
    void aDotEnvZoneBecomesTheDefault() {
        assertNull(LocalTimeZone.apply(Map.of(), Map.of("TZ", "Asia/Shanghai"), null));
        assertEquals(ZoneId.of("Asia/Shanghai"), ZoneId.systemDefault());
        assertEquals("Asia/Shanghai", System.getProperty("user.timezone"));
    }

    @Test
    void theEnvironmentAndAGivenUserTimezoneWin() {
        assertNull(LocalTimeZone.apply(Map.of("TZ", "Europe/Berlin"), Map.of("TZ", "Asia/Shanghai"), null));
        assertEquals(ZoneId.of("UTC"), ZoneId.systemDefault(), "the JVM applies the environment's TZ itself");
        assertNull(LocalTimeZone.apply(Map.of(), Map.of("TZ", "Asia/Shanghai"), "Europe/Paris"));
        assertEquals(ZoneId.of("UTC"), ZoneId.systemDefault());
        assertNull(LocalTimeZone.apply(Map.of(), Map.of(), null), "no TZ anywhere: nothing to do");
    }

    @Test
    void aValueNamingNoZoneIsSaidAndChangesNothing() {
        assertEquals("TZ=Mars/Olympus (.env) names no time zone; times use UTC",
                LocalTimeZone.apply(Map.of(), Map.of("TZ", "Mars/Olympus"), null));
        assertEquals(ZoneId.of("UTC"), ZoneId.systemDefault());
        assertNull(LocalTimeZone.apply(Map.of("TZ", "CST-8"), Map.of(), null), "a form the JVM read (its zone is not GMT)");
        TimeZone.setDefault(TimeZone.getTimeZone("GMT")); // what the JVM falls back to for a TZ it cannot read
        assertEquals("TZ=Nowhere (the environment) names no time zone; times use GMT",
                LocalTimeZone.apply(Map.of("TZ", "Nowhere"), Map.of(), null));
    }

    @Test
    void aSignedOffsetInDotEnvIsRefusedNotGuessed() {
        String said = LocalTimeZone.apply(Map.of(), Map.of("TZ", "UTC+8"), null);
        assertEquals("TZ=UTC+8 (.env) is ambiguous (POSIX counts UTC+8 as 8 hours west, ISO as east);"
                + " name a region such as Asia/Shanghai; times use UTC", said);
        assertEquals(ZoneId.of("UTC"), ZoneId.systemDefault());
        for (String v : new String[]{"GMT-3", "+08:00", ":UTC+8", "utc-05:30"}) {
            assertEquals(true, LocalTimeZone.signed(v), v);
        }
        for (String v : new String[]{"Asia/Shanghai", "Etc/GMT-8", "UTC", "EST5EDT"}) {
            assertEquals(false, LocalTimeZone.signed(v), v);
        }
        assertNull(LocalTimeZone.apply(Map.of(), Map.of("TZ", "Etc/GMT-8"), null));
        assertEquals("+08:00", ZoneId.systemDefault().getRules().getOffset(java.time.Instant.EPOCH).getId(),
                "tzdb's Etc/GMT-8 is 8 hours east, as tzdb defines it");
    }

    @Test
    void theFormsTzTakes() {
        assertEquals(ZoneId.of("Asia/Tokyo"), LocalTimeZone.zone(":Asia/Tokyo"));
        assertEquals(ZoneId.of("Europe/Berlin"), LocalTimeZone.zone("/usr/share/zoneinfo/Europe/Berlin"));
        assertNull(LocalTimeZone.zone("CST-8")); // POSIX rules are not read; the JVM's own TZ handling does those
    }
}
