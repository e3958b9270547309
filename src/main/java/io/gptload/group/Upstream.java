package io.gptload.group;

import java.util.Objects;

/** One upstream base URL of a standard group and its weight (0 = disabled). */
public record Upstream(String url, int weight) {

    public Upstream {
        Objects.requireNonNull(url, "url");
        if (weight < 0) {
            throw new IllegalArgumentException("weight must be >= 0: " + weight);
        }
    }
}
