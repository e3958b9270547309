package io.gptload.keypool;

import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupService;
import io.gptload.group.GroupSnapshot;
import io.gptload.upstream.UpstreamClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The re-validation job (spec §7 "Cron key validation"): every standard group whose
 * {@code last_validated_at} is unset or at least its {@code key_validation_interval_minutes} old
 * gets its invalid keys validated (groups in parallel, each with its own concurrency); a valid key
 * is restored. Then the group's {@code last_validated_at} becomes the tick's time, also when it had
 * no invalid key.
 */
@ApplicationScoped
public class KeyRevalidation {

    private static final Logger LOG = Logger.getLogger(KeyRevalidation.class.getName());
    static final int REASONS_LOGGED = 3;
    static final int REASON_LOGGED = 200;
    /** A masked key in a reason ({@code sk-a****wxyz}, OpenAI's {@code sk-abc*****wxyz}): told apart per key, grouped as one. */
    private static final Pattern MASKED_KEY = Pattern.compile("[A-Za-z0-9_-]*\\*{4,}[A-Za-z0-9_-]*");

    private GroupService groups;
    private GroupCatalog catalog;
    private KeyRepository repo;
    private KeyService keys;
    private KeyValidator validator;
    private UpstreamClients clients;

    protected KeyRevalidation() {
        // for CDI proxies
    }

    @Inject
    public KeyRevalidation(GroupService groups, GroupCatalog catalog, KeyRepository repo, KeyService keys,
                           KeyValidator validator, UpstreamClients clients) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.repo = Objects.requireNonNull(repo, "repo");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** Whether a group last validated at {@code last} is due at {@code now}. */
    static boolean due(LocalDateTime last, int intervalMinutes, LocalDateTime now) {
        return last == null || !last.plusMinutes(Math.max(1, intervalMinutes)).isAfter(now);
    }

    /** One tick: validates the due groups and returns how many keys were restored. */
    public int runDue(LocalDateTime now) {
        List<GroupSnapshot> dueGroups = new ArrayList<>();
        for (GroupDefinition g : groups.list()) {
            Optional<GroupSnapshot> s = catalog.byId(g.id());
            if (!g.aggregate() && s.isPresent() && !s.get().aggregate()
                    && due(g.lastValidatedAt(), s.get().settings().keyValidationIntervalMinutes(), now)) {
                dueGroups.add(s.get());
            }
        }
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        try {
            for (GroupSnapshot g : dueGroups) {
                runs.add(CompletableFuture.supplyAsync(() -> revalidate(g), clients.relay()));
            }
        } catch (RejectedExecutionException shuttingDown) {
            return 0;
        }
        int restored = 0;
        for (int i = 0; i < runs.size(); i++) {
            Integer n = runs.get(i).exceptionally(e -> null).join();
            if (n != null) {
                restored += n;
                groups.markValidated(dueGroups.get(i).id(), now);
            }
        }
        return restored;
    }

    /** Validates the group's invalid keys; null when they could not be read. */
    private Integer revalidate(GroupSnapshot group) {
        List<StoredKey> invalid;
        try {
            invalid = repo.ofGroup(group.id(), StoredKey.INVALID);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "re-validation of group {0}: keys unreadable (SQLState {1})",
                    new Object[]{group.name(), e.getSQLState()});
            return null;
        }
        if (invalid.isEmpty()) {
            return 0;
        }
        AtomicInteger restored = new AtomicInteger();
        List<KeyCheck> checks = ValidationRun.run(invalid, group.settings().keyValidationConcurrency(), clients.relay(), k -> {
            KeyValidator.Validated v = validator.validate(group, keys.pooled(k));
            if (v.change() == KeyHealth.Change.RESTORED) {
                restored.incrementAndGet();
            }
            return v.check();
        }, n -> { }, System::currentTimeMillis);
        LOG.info("re-validation of group " + group.name() + ": " + restored.get() + " of " + invalid.size()
                + " invalid keys restored" + stillFailing(checks));
        return restored.get();
    }

    /**
     * The reasons of the failed checks, most frequent first, at most {@value #REASONS_LOGGED} of them
     * (each as the check worded it, a masked key in it as {@code ****} so that one reason of many
     * keys counts once, cut at {@value #REASON_LOGGED} characters):
     * {@code "; still failing: 3× [status 401] ..., 1× failed to send ..."}, or empty.
     */
    static String stillFailing(List<KeyCheck> checks) {
        Map<String, Integer> counts = new HashMap<>();
        for (KeyCheck c : checks) {
            if (c != null && !c.valid()) {
                String error = MASKED_KEY.matcher(c.error()).replaceAll("****");
                String reason = KeyCheckHistory.cut(error, REASON_LOGGED);
                counts.merge(reason, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder out = new StringBuilder("; still failing: ");
        for (int i = 0; i < Math.min(REASONS_LOGGED, byCount.size()); i++) {
            out.append(i == 0 ? "" : ", ").append(byCount.get(i).getValue()).append("× ").append(byCount.get(i).getKey());
        }
        if (byCount.size() > REASONS_LOGGED) {
            out.append(", and ").append(byCount.size() - REASONS_LOGGED).append(" more");
        }
        return out.toString();
    }
}
