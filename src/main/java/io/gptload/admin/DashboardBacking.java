package io.gptload.admin;

import io.gptload.dashboard.DashboardService;
import io.gptload.dashboard.DashboardStats;
import io.gptload.dashboard.EncryptionStatus;
import io.gptload.dashboard.SecurityWarning;
import io.gptload.group.GroupService;
import io.gptload.keypool.InvalidKeyCounts;
import io.gptload.settings.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * {@code dashboard.xhtml}: the statistics cards, the 24-hour chart, the groups with invalid keys,
 * the security warnings and the encryption-mismatch alert, read once per request from
 * {@link DashboardService} (and the invalid-key counts of {@link InvalidKeyCounts}, at most 15 s old).
 */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    DashboardService dashboard;

    @Inject
    SettingsService settings;

    @Inject
    ConsoleLocale consoleLocale;

    @Inject
    InvalidKeyCounts invalidKeys;

    @Inject
    GroupService groups;

    private DashboardStats stats;
    private EncryptionStatus encryption;
    private String chart;
    private List<GroupAttention> attention;

    @PostConstruct
    void load() {
        stats = dashboard.stats(settings.current().proxyKeys());
        encryption = dashboard.encryptionStatus();
        FacesContext ctx = FacesContext.getCurrentInstance();
        chart = ChartConfig.line(dashboard.chart(null), ConsoleMessages.text(ctx, "dashboard.chart.success"),
                ConsoleMessages.text(ctx, "dashboard.chart.failure"));
    }

    private Locale locale() {
        return consoleLocale.getLocale();
    }

    public StatCardView getKeys() {
        return StatCardView.withSub(stats.keyCount(), locale());
    }

    public StatCardView getRpm() {
        return StatCardView.withTrend(stats.rpm(), StatCardView.Unit.PER_MINUTE, locale());
    }

    public StatCardView getRequests() {
        return StatCardView.withTrend(stats.requestCount(), StatCardView.Unit.COUNT, locale());
    }

    public StatCardView getErrorRate() {
        return StatCardView.withTrend(stats.errorRate(), StatCardView.Unit.PERCENT, locale());
    }

    public List<SecurityWarning> getWarnings() {
        return stats.securityWarnings();
    }

    public EncryptionStatus getEncryption() {
        return encryption;
    }

    /** The standard groups with invalid keys, most first. */
    public List<GroupAttention> getAttention() {
        if (attention == null) {
            attention = GroupAttention.of(groups.names(), invalidKeys.all());
        }
        return attention;
    }

    /** The Chart.js configuration of the 24-hour chart. */
    public String getChart() {
        return chart;
    }
}
