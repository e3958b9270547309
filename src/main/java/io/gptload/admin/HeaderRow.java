package io.gptload.admin;

import io.gptload.group.HeaderRule;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * One header rule: header name, value and {@code set} or {@code remove}.
 * A row of the group editor's {@link GroupForm}.
 */
public final class HeaderRow implements Serializable {
    private static final long serialVersionUID = 1L;
    String key = "";
    String value = "";
    String action = HeaderRule.Action.SET.wireName();
    final Set<String> invalid = new HashSet<>();

    public HeaderRow() {
    }

    HeaderRow(String key, String value, String action) {
        this.key = key;
        this.value = value;
        this.action = action;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    /**
     * Whether the last save was refused because of this row's {@code part} ({@code key},
     * {@code value}, {@code action}).
     */
    public boolean invalid(String part) {
        return invalid.contains(part);
    }
}
