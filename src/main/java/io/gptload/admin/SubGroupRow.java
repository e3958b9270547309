package io.gptload.admin;

import io.gptload.group.SubGroupMember;
import java.io.Serializable;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * One member of an aggregate as the sub-groups table shows it: the group, its weight (editable in
 * the row), its share of the traffic ({@code weight / sum of weights}; 0 when disabled) and its keys.
 */
public final class SubGroupRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String name;
    private final String displayName;
    private Integer weight;
    private final String share;
    private final long activeKeys;
    private final long totalKeys;

    SubGroupRow(long id, String name, String displayName, int weight, String share, long activeKeys, long totalKeys) {
        this.id = id;
        this.name = name;
        this.displayName = displayName;
        this.weight = weight;
        this.share = share;
        this.activeKeys = activeKeys;
        this.totalKeys = totalKeys;
    }

    /** The rows of an aggregate's members, shares formatted for {@code locale}. */
    static List<SubGroupRow> of(List<SubGroupMember> members, Locale locale) {
        long sum = members.stream().mapToLong(SubGroupMember::weight).sum();
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        return members.stream().map(m -> new SubGroupRow(m.group().id(), m.group().name(), m.group().displayName(),
                m.weight(), percent.format(sum == 0 ? 0.0 : (double) m.weight() / sum), m.keys().active(),
                m.keys().total())).toList();
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** The display name, or the name when there is none. */
    public String getLabel() {
        return displayName == null || displayName.isEmpty() ? name : displayName;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    public String getShare() {
        return share;
    }

    public long getActiveKeys() {
        return activeKeys;
    }

    public long getTotalKeys() {
        return totalKeys;
    }
}
