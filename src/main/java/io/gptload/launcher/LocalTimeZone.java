package io.gptload.launcher;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.TimeZone;

/**
 * {@code TZ}, the time zone of the hourly statistics, the chart's labels and every time the API
 * sends (spec §5.1; gpt-load's {@code .env.example} sets {@code Asia/Shanghai}). The JVM reads
 * {@code TZ} from the process's environment by itself, but not from {@code .env}: the launcher
 * applies a {@code .env} value before the server starts, unless the environment has its own
 * {@code TZ} or the JVM was given {@code -Duser.timezone}. A value that names no time zone is
 * said in one line and the JVM's zone stays.
 */
final class LocalTimeZone {

    static final String TZ = "TZ";

    private LocalTimeZone() {
    }

    /**
     * Applies {@code TZ} from {@code .env} when it is the one that counts; returns a warning for a
     * {@code TZ} (from either place) that names no time zone, else null. {@code givenZone} is
     * {@code user.timezone} as the JVM started (read before anything asked for the default zone,
     * which sets it).
     */
    static String apply(Map<String, String> env, Map<String, String> dotEnv, String givenZone) {
        String fromEnv = env.get(TZ);
        if (fromEnv != null && !fromEnv.isBlank()) {
            // the JVM read it already; it falls back to GMT for a value it cannot read
            boolean unread = zone(fromEnv) == null && "GMT".equals(TimeZone.getDefault().getID());
            return unread ? refused(fromEnv, "the environment", "names no time zone") : null;
        }
        String fromFile = dotEnv.get(TZ);
        if (fromFile == null || fromFile.isBlank() || (givenZone != null && !givenZone.isBlank())) {
            return null;
        }
        if (signed(fromFile)) {
            return refused(fromFile, ".env", "is ambiguous (POSIX counts UTC+8 as 8 hours west, ISO as east);"
                    + " name a region such as Asia/Shanghai");
        }
        ZoneId zone = zone(fromFile);
        if (zone == null) {
            return refused(fromFile, ".env", "names no time zone");
        }
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        System.setProperty("user.timezone", zone.getId());
        return null;
    }

    /**
     * A fixed offset with a sign ({@code UTC+8}, {@code GMT-3}, {@code +08:00}): the JVM reads such a
     * {@code TZ} from the environment the POSIX way (west of UTC is positive), {@link ZoneId} the ISO
     * way, so from {@code .env} it is refused rather than guessed.
     */
    static boolean signed(String value) {
        String id = value.strip();
        return id.matches("(?i):?(UTC|GMT|UT)?[+-].*");
    }

    /** The zone a {@code TZ} value names ({@code Asia/Shanghai}, {@code UTC}, {@code Etc/GMT-8}, with or without a leading colon), or null. */
    static ZoneId zone(String value) {
        String id = value.strip();
        if (id.startsWith(":")) {
            id = id.substring(1);
        }
        if (id.startsWith("/")) { // a zoneinfo file path, e.g. /usr/share/zoneinfo/Europe/Berlin
            int at = id.indexOf("/zoneinfo/");
            id = at < 0 ? id : id.substring(at + "/zoneinfo/".length());
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The start line for a {@code TZ} not taken: what, where from, why, and the zone that stays. */
    private static String refused(String value, String where, String why) {
        return "TZ=" + value.strip() + " (" + where + ") " + why + "; times use " + ZoneId.systemDefault().getId();
    }
}
