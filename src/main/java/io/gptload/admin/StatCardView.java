package io.gptload.admin;

import io.gptload.dashboard.StatCard;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One dashboard card as the page shows it: the value formatted for the console language, the
 * sub-value (invalid keys) and the trend with its sign, and whether the trend is good news.
 */
public final class StatCardView {

    /** How the card's value reads. */
    enum Unit { COUNT, PER_MINUTE, PERCENT }

    private final String value;
    private final String sub;
    private final String trend;
    private final boolean good;

    private StatCardView(String value, String sub, String trend, boolean good) {
        this.value = value;
        this.sub = sub;
        this.trend = trend;
        this.good = good;
    }

    /** The card without a trend; its sub-value (may be zero) shown. */
    static StatCardView withSub(StatCard card, Locale locale) {
        Objects.requireNonNull(card, "card");
        return new StatCardView(format(card.value(), Unit.COUNT, locale), format(card.subValue(), Unit.COUNT, locale),
                "", true);
    }

    /** The card with its trend (a change in percent, or in points for a percentage). */
    static StatCardView withTrend(StatCard card, Unit unit, Locale locale) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(unit, "unit");
        String sign = card.trend() > 0 ? "+" : card.trend() < 0 ? "-" : "";
        return new StatCardView(format(card.value(), unit, locale), "",
                sign + decimal(Math.abs(card.trend()), locale) + "%", card.trendIsGrowth());
    }

    private static String format(double v, Unit unit, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return switch (unit) {
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(Math.round(v));
            case PER_MINUTE -> decimal(v, locale);
            case PERCENT -> decimal(v, locale) + "%";
        };
    }

    private static String decimal(double v, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(v);
    }

    public String getValue() {
        return value;
    }

    /** The sub-value, "" when the card has none. */
    public String getSub() {
        return sub;
    }

    /** The signed trend, "" when the card has none. */
    public String getTrend() {
        return trend;
    }

    /** Whether the trend is good news (growth of traffic, a falling error rate). */
    public boolean isGood() {
        return good;
    }

    @Override
    public String toString() {
        return "StatCardView[" + value + ", sub=" + sub + ", trend=" + trend + ", good=" + good + "]";
    }
}
