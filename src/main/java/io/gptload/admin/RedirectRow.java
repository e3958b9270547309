package io.gptload.admin;

import java.io.Serializable;

/**
 * One model redirect rule: requested model → upstream model.
 * A row of the group editor's {@link GroupForm}.
 */
public final class RedirectRow implements Serializable {
    private static final long serialVersionUID = 1L;
    String from = "";
    String to = "";
    boolean invalid;

    public RedirectRow() {
    }

    RedirectRow(String from, String to) {
        this.from = from;
        this.to = to;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public boolean isInvalid() {
        return invalid;
    }
}
