package io.gptload.admin;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * One upstream row: base URL and weight.
 * A row of the group editor's {@link GroupForm}.
 */
public final class UpstreamRow implements Serializable {
    private static final long serialVersionUID = 1L;
    String url = "";
    Integer weight = 1;
    final Set<String> invalid = new HashSet<>();

    public UpstreamRow() {
    }

    UpstreamRow(String url, Integer weight) {
        this.url = url;
        this.weight = weight;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    /** Whether the last save was refused because of this row's {@code part} ({@code url} or {@code weight}). */
    public boolean invalid(String part) {
        return invalid.contains(part);
    }
}
