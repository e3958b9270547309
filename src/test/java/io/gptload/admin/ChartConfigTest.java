package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.dashboard.DashboardChart;
import io.gptload.requestlog.TrafficStats.Counts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartConfigTest {

    private static JsonObject parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    @Test
    void aLineChartOfTwentyFourHoursWithSuccessesAndFailures() {
        LocalDateTime now = LocalDateTime.of(2025, 3, 1, 14, 35);
        DashboardChart chart = DashboardChart.of(now, Map.of(
                LocalDateTime.of(2025, 3, 1, 14, 0), new Counts(7, 2),
                LocalDateTime.of(2025, 2, 28, 15, 0), new Counts(1, 0)));
        JsonObject c = parse(ChartConfig.line(chart, "Success", "Failed"));
        assertEquals("line", c.getString("type"));
        JsonArray labels = c.getJsonObject("data").getJsonArray("labels");
        assertEquals(24, labels.size());
        assertEquals("15:00", labels.getString(0));
        assertEquals("14:00", labels.getString(23));
        JsonArray sets = c.getJsonObject("data").getJsonArray("datasets");
        assertEquals("Success", sets.getJsonObject(0).getString("label"));
        assertEquals("Failed", sets.getJsonObject(1).getString("label"));
        assertEquals(1, sets.getJsonObject(0).getJsonArray("data").getInt(0));
        assertEquals(7, sets.getJsonObject(0).getJsonArray("data").getInt(23));
        assertEquals(2, sets.getJsonObject(1).getJsonArray("data").getInt(23));
        assertEquals(0, sets.getJsonObject(1).getJsonArray("data").getInt(0));
        assertEquals(ChartConfig.SUCCESS_COLOR, sets.getJsonObject(0).getString("borderColor"));
        assertEquals(ChartConfig.FAILURE_COLOR, sets.getJsonObject(1).getString("borderColor"));
        assertTrue(c.getJsonObject("options").getJsonObject("scales").getJsonObject("y").getBoolean("beginAtZero"));
    }

    @Test
    void labelsAreEscapedAsJsonStrings() {
        DashboardChart chart = DashboardChart.of(LocalDateTime.of(2025, 1, 1, 0, 0), Map.of());
        JsonObject c = parse(ChartConfig.line(chart, "成功 \"ok\"", "失敗"));
        assertEquals("成功 \"ok\"", c.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getString("label"));
    }

    @Test
    void missingPartsAreRejected() {
        DashboardChart chart = DashboardChart.of(LocalDateTime.of(2025, 1, 1, 0, 0), Map.of());
        assertThrows(NullPointerException.class, () -> ChartConfig.line(null, "a", "b"));
        assertThrows(NullPointerException.class, () -> ChartConfig.line(chart, null, "b"));
    }
}
