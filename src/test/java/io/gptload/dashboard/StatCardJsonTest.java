package io.gptload.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatCardJsonTest {

    @Test
    void subValueAndTipAreLeftOutWhenEmpty() {
        assertEquals("{\"value\":3,\"trend\":0,\"trend_is_growth\":false}",
                DashboardStats.keyCard(3, 0).toJson().toString().replace(",\"sub_value_tip\":\"Invalid Keys\"", ""));
        assertEquals("{\"value\":3,\"sub_value\":2,\"sub_value_tip\":\"Invalid Keys\",\"trend\":0,\"trend_is_growth\":false}",
                DashboardStats.keyCard(3, 2).toJson().toString());
        assertEquals("{\"value\":0,\"trend\":0,\"trend_is_growth\":true}", StatCard.of(0, 0, true).toJson().toString());
    }

    @Test
    void numbersPrintLikeGo() {
        assertEquals("{\"value\":0.5,\"trend\":-33.33333333333333,\"trend_is_growth\":false}",
                StatCard.of(0.5, -1.0 / 3 * 100, false).toJson().toString());
        assertEquals("{\"value\":1000000000,\"trend\":0.0001,\"trend_is_growth\":true}",
                StatCard.of(1e9, 1e-4, true).toJson().toString());
    }

    @Test
    void noWarningsIsNull() {
        DashboardStats s = new DashboardStats(DashboardStats.keyCard(1, 0), StatCard.of(0, 0, true),
                StatCard.of(0, 0, true), StatCard.of(0, 0, true), List.of());
        assertEquals("{\"key_count\":{\"value\":1,\"sub_value_tip\":\"Invalid Keys\",\"trend\":0,\"trend_is_growth\":false},"
                + "\"rpm\":{\"value\":0,\"trend\":0,\"trend_is_growth\":true},"
                + "\"request_count\":{\"value\":0,\"trend\":0,\"trend_is_growth\":true},"
                + "\"error_rate\":{\"value\":0,\"trend\":0,\"trend_is_growth\":true},\"security_warnings\":null}",
                s.toJson().toString());
        DashboardStats w = new DashboardStats(s.keyCount(), s.rpm(), s.requestCount(), s.errorRate(),
                List.of(new SecurityWarning("AUTH_KEY", "m", "high", "s")));
        assertEquals("[{\"type\":\"AUTH_KEY\",\"message\":\"m\",\"severity\":\"high\",\"suggestion\":\"s\"}]",
                w.toJson().get("security_warnings").toString());
    }
}
