package io.gptload.dashboard;

import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupService;
import io.gptload.requestlog.TrafficStats;
import io.gptload.shared.KeyCipher;
import io.gptload.shared.config.GatewayConfig;
import io.gptload.shared.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes the dashboard's read models from the database: statistics, chart and encryption
 * status. Statistics leave out aggregate groups, whose hourly rows repeat their members' traffic.
 */
@ApplicationScoped
public class DashboardService {

    private TrafficStats traffic;
    private GroupService groups;
    private Database database;
    private KeyCipher cipher;
    private GatewayConfig config;

    protected DashboardService() {
        // for CDI proxies
    }

    @Inject
    public DashboardService(TrafficStats traffic, GroupService groups, Database database, KeyCipher cipher,
                            GatewayConfig config) {
        this.traffic = Objects.requireNonNull(traffic, "traffic");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.database = Objects.requireNonNull(database, "database");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The statistics cards and security warnings; {@code globalProxyKeys} in their configured order. */
    public DashboardStats stats(List<String> globalProxyKeys) {
        LocalDateTime now = LocalDateTime.now();
        List<GroupDefinition> all = groups.list();
        Set<Long> aggregates = aggregateIds(all);
        KeyStatsQuery.KeyTotals keys = read(KeyStatsQuery::totals);
        long rpmNow = traffic.finalRequests(now.minusMinutes(Trends.RPM_MINUTES), now.plusSeconds(1));
        long rpmBefore = traffic.finalRequests(now.minusMinutes(2L * Trends.RPM_MINUTES),
                now.minusMinutes(Trends.RPM_MINUTES));
        TrafficStats.Counts day = traffic.hourlyTotal(now.minusHours(24), now, aggregates);
        TrafficStats.Counts dayBefore = traffic.hourlyTotal(now.minusHours(48), now.minusHours(24), aggregates);
        return new DashboardStats(DashboardStats.keyCard(keys.active(), keys.invalid()),
                Trends.rpm(rpmNow, rpmBefore),
                Trends.requests(day.total(), dayBefore.total()),
                Trends.errorRate(day.total(), day.failure(), dayBefore.total(), dayBefore.failure()),
                SecurityWarnings.check(config.security().authKey(), config.security().encryptionKey(),
                        globalProxyKeys, all));
    }

    /** The 24-hour chart of one group, or of all standard groups when {@code groupId} is null. */
    public DashboardChart chart(Long groupId) {
        LocalDateTime now = LocalDateTime.now();
        Set<Long> excluded = groupId == null ? aggregateIds(groups.list()) : Set.of();
        return DashboardChart.of(now, traffic.perHour(DashboardChart.firstHour(now), DashboardChart.endExclusive(now),
                groupId, excluded));
    }

    /** Whether the stored keys fit the configured ENCRYPTION_KEY, judged on a sample of 20 rows. */
    public EncryptionStatus encryptionStatus() {
        return EncryptionStatus.assess(read(c -> KeyStatsQuery.sample(c, EncryptionStatus.SAMPLE_SIZE)), cipher);
    }

    private static Set<Long> aggregateIds(List<GroupDefinition> all) {
        return all.stream().filter(GroupDefinition::aggregate).map(GroupDefinition::id).collect(Collectors.toSet());
    }

    private interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> query) {
        try (Connection c = database.connection()) {
            return query.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("dashboard query failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
