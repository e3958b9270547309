package io.gptload.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gptload.requestlog.TrafficStats.Counts;
import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardChartTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 10, 14, 37, 12);

    @Test
    void twentyFourHoursEndingWithTheCurrentOne() {
        assertEquals(LocalDateTime.of(2025, 3, 9, 15, 0), DashboardChart.firstHour(NOW));
        assertEquals(LocalDateTime.of(2025, 3, 10, 15, 0), DashboardChart.endExclusive(NOW));
        DashboardChart c = DashboardChart.of(NOW, Map.of());
        assertEquals(24, c.hours().size());
        assertEquals(LocalDateTime.of(2025, 3, 10, 14, 0), c.hours().get(23));
        assertEquals(Collections.nCopies(24, 0L), c.success());
        assertEquals(Collections.nCopies(24, 0L), c.failure());
    }

    @Test
    void countsLandInTheirHourAndOthersAreIgnored() {
        DashboardChart c = DashboardChart.of(NOW, Map.of(
                LocalDateTime.of(2025, 3, 9, 15, 0), new Counts(3, 1),
                LocalDateTime.of(2025, 3, 10, 14, 0), new Counts(5, 2),
                LocalDateTime.of(2025, 3, 9, 14, 0), new Counts(100, 100)));
        assertEquals(3L, c.success().get(0));
        assertEquals(1L, c.failure().get(0));
        assertEquals(5L, c.success().get(23));
        assertEquals(2L, c.failure().get(23));
        assertEquals(8L, c.success().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void jsonHasRfc3339LocalLabelsAndTheTwoColouredDatasets() {
        JsonObject j = DashboardChart.of(NOW, Map.of(LocalDateTime.of(2025, 3, 10, 14, 0), new Counts(5, 2)))
                .toJson(ZoneId.of("Asia/Shanghai"));
        assertEquals("2025-03-09T15:00:00+08:00", j.getJsonArray("labels").getString(0));
        assertEquals("2025-03-10T14:00:00+08:00", j.getJsonArray("labels").getString(23));
        assertEquals("{\"label\":\"Success\",\"data\":[" + "0,".repeat(23) + "5],\"color\":\"rgba(10, 200, 110, 1)\"}",
                j.getJsonArray("datasets").getJsonObject(0).toString());
        assertEquals("{\"label\":\"Failed\",\"data\":[" + "0,".repeat(23) + "2],\"color\":\"rgba(255, 70, 70, 1)\"}",
                j.getJsonArray("datasets").getJsonObject(1).toString());
        assertEquals("2025-03-10T14:00:00Z", DashboardChart.of(NOW, Map.of()).toJson(ZoneOffset.UTC)
                .getJsonArray("labels").getString(23));
    }

    @Test
    void mismatchedSeriesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new DashboardChart(List.of(NOW), List.of(1L), List.of()));
    }
}
