package io.gptload.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;

/**
 * One statistics card of the dashboard. {@code sub_value} and {@code sub_value_tip} are left out of
 * the JSON when zero / empty, as gpt-load does.
 */
public record StatCard(double value, long subValue, String subValueTip, double trend, boolean trendIsGrowth) {

    public StatCard {
        Objects.requireNonNull(subValueTip, "subValueTip");
    }

    /** A card with a value and a trend only. */
    public static StatCard of(double value, double trend, boolean trendIsGrowth) {
        return new StatCard(value, 0, "", trend, trendIsGrowth);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("value", JsonNumbers.of(value));
        if (subValue != 0) {
            b.add("sub_value", subValue);
        }
        if (!subValueTip.isEmpty()) {
            b.add("sub_value_tip", subValueTip);
        }
        return b.add("trend", JsonNumbers.of(trend)).add("trend_is_growth", trendIsGrowth).build();
    }
}
