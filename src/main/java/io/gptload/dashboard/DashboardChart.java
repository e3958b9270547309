package io.gptload.dashboard;

import io.gptload.requestlog.TrafficStats.Counts;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard chart (spec §3.3 {@code dashboard/chart}): 24 hourly points ending with the
 * current hour, successes and failures per hour, labelled with the hour in RFC 3339 and the
 * server's local offset.
 */
public record DashboardChart(List<LocalDateTime> hours, List<Long> success, List<Long> failure) {

    public static final int POINTS = 24;
    static final String SUCCESS_COLOR = "rgba(10, 200, 110, 1)";
    static final String FAILURE_COLOR = "rgba(255, 70, 70, 1)";

    public DashboardChart {
        hours = List.copyOf(hours);
        success = List.copyOf(success);
        failure = List.copyOf(failure);
        if (hours.size() != success.size() || hours.size() != failure.size()) {
            throw new IllegalArgumentException("hours, success and failure must have the same length");
        }
    }

    /** The first hour bucket shown at {@code now}: 23 hours before the current one. */
    public static LocalDateTime firstHour(LocalDateTime now) {
        return now.truncatedTo(ChronoUnit.HOURS).minusHours(POINTS - 1L);
    }

    /** The end (exclusive) of the last hour bucket shown at {@code now}. */
    public static LocalDateTime endExclusive(LocalDateTime now) {
        return now.truncatedTo(ChronoUnit.HOURS).plusHours(1);
    }

    /** The chart at {@code now} from counts per hour bucket; hours without counts are zero, others are ignored. */
    public static DashboardChart of(LocalDateTime now, Map<LocalDateTime, Counts> perHour) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(perHour, "perHour");
        List<LocalDateTime> hours = new ArrayList<>();
        List<Long> ok = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        LocalDateTime first = firstHour(now);
        for (int i = 0; i < POINTS; i++) {
            LocalDateTime hour = first.plusHours(i);
            Counts c = perHour.getOrDefault(hour, Counts.NONE);
            hours.add(hour);
            ok.add(c.success());
            failed.add(c.failure());
        }
        return new DashboardChart(hours, ok, failed);
    }

    /** gpt-load's JSON: labels and two datasets with their colours. */
    public JsonObject toJson(ZoneId zone) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        hours.forEach(h -> labels.add(h.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        return Json.createObjectBuilder().add("labels", labels)
                .add("datasets", Json.createArrayBuilder()
                        .add(dataset("Success", success, SUCCESS_COLOR))
                        .add(dataset("Failed", failure, FAILURE_COLOR)))
                .build();
    }

    private static JsonObject dataset(String label, List<Long> data, String color) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        data.forEach(values::add);
        return Json.createObjectBuilder().add("label", label).add("data", values).add("color", color).build();
    }
}
