package io.gptload.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import java.math.BigDecimal;

/** Doubles as gpt-load prints them: whole values without a fraction ({@code 5}, not {@code 5.0}), never exponents. */
final class JsonNumbers {

    private JsonNumbers() {
    }

    static JsonNumber of(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Json.createValue(0);
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return Json.createValue(b);
    }
}
