package io.gptload.api;

import jakarta.json.JsonObjectBuilder;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as gpt-load sends them: RFC 3339 with the local offset, or null. */
public final class ApiTimes {

    private ApiTimes() {
    }

    public static String format(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static void add(JsonObjectBuilder b, String name, LocalDateTime t) {
        if (t == null) {
            b.addNull(name);
        } else {
            b.add(name, format(t));
        }
    }
}
