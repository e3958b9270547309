package io.gptload.admin;

import io.gptload.dashboard.DashboardChart;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The Chart.js configuration of the dashboard's 24-hour line chart ({@code p:chart value}):
 * one point per hour labelled {@code HH:00}, successes in green, failures in red, counts from zero.
 */
final class ChartConfig {

    static final String SUCCESS_COLOR = "rgb(16, 185, 129)";
    static final String FAILURE_COLOR = "rgb(239, 68, 68)";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00");

    private ChartConfig() {
    }

    static String line(DashboardChart chart, String successLabel, String failureLabel) {
        Objects.requireNonNull(chart, "chart");
        JsonArrayBuilder labels = Json.createArrayBuilder();
        chart.hours().forEach(h -> labels.add(HOUR.format(h)));
        JsonObject data = Json.createObjectBuilder().add("labels", labels)
                .add("datasets", Json.createArrayBuilder()
                        .add(dataset(successLabel, chart.success(), SUCCESS_COLOR))
                        .add(dataset(failureLabel, chart.failure(), FAILURE_COLOR)))
                .build();
        JsonObject options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                        .add("beginAtZero", true).add("ticks", Json.createObjectBuilder().add("precision", 0))))
                .build();
        return Json.createObjectBuilder().add("type", "line").add("data", data).add("options", options).build()
                .toString();
    }

    private static JsonObject dataset(String label, List<Long> values, String color) {
        Objects.requireNonNull(label, "label");
        JsonArrayBuilder points = Json.createArrayBuilder();
        values.forEach(points::add);
        return Json.createObjectBuilder().add("label", label).add("data", points).add("borderColor", color)
                .add("backgroundColor", color).add("tension", 0.3).add("fill", false).build();
    }
}
