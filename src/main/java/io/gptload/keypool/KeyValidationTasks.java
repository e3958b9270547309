package io.gptload.keypool;

import io.gptload.cluster.TaskSlot;
import io.gptload.cluster.TaskStatus;
import io.gptload.group.GroupSnapshot;
import io.gptload.shared.Secret;
import io.gptload.upstream.UpstreamClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The manual validation use cases (spec §3.3): validating a group's keys as the one async
 * {@code KEY_VALIDATION} task, and testing pasted keys synchronously. Both update key state like
 * any validation, with the group's {@code key_validation_concurrency} workers on virtual threads.
 */
@ApplicationScoped
public class KeyValidationTasks {

    private static final Logger LOG = Logger.getLogger(KeyValidationTasks.class.getName());

    private KeyRepository repo;
    private KeyService keys;
    private KeyValidator validator;
    private TaskSlot slot;
    private UpstreamClients clients;

    protected KeyValidationTasks() {
        // for CDI proxies
    }

    @Inject
    public KeyValidationTasks(KeyRepository repo, KeyService keys, KeyValidator validator, TaskSlot slot,
                              UpstreamClients clients) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.slot = Objects.requireNonNull(slot, "slot");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * Starts validating the group's keys ({@code status} active, invalid, or null for all) and
     * returns the task as it stands. The result is {@code {total_keys, valid_keys, invalid_keys}}.
     *
     * @throws TaskRefusedException when the group has no such keys or another task is running
     */
    public TaskStatus startGroupValidation(GroupSnapshot group, String status) throws SQLException {
        requireStandard(group);
        List<StoredKey> targets = repo.ofGroup(group.id(), status);
        if (targets.isEmpty()) {
            throw new TaskRefusedException("no keys to validate in group " + group.name());
        }
        TaskSlot.Handle handle = slot.tryStart(TaskStatus.KEY_VALIDATION, group.name(), targets.size())
                .orElseThrow(() -> new TaskRefusedException("a task is already running, please wait"));
        TaskStatus started = slot.status();
        try {
            clients.relay().execute(() -> runGroup(group, targets, handle));
        } catch (RuntimeException e) {
            handle.fail("could not start the validation: " + e.getClass().getSimpleName());
            throw e;
        }
        return started;
    }

    private void runGroup(GroupSnapshot group, List<StoredKey> targets, TaskSlot.Handle handle) {
        try {
            List<KeyCheck> results = ValidationRun.run(targets, group.settings().keyValidationConcurrency(),
                    clients.relay(), k -> validator.validate(group, keys.pooled(k)).check(), handle::progress,
                    System::currentTimeMillis);
            long valid = ValidationRun.valid(results);
            handle.progress(targets.size());
            Map<String, Long> result = new LinkedHashMap<>();
            result.put("total_keys", (long) targets.size());
            result.put("valid_keys", valid);
            result.put("invalid_keys", targets.size() - valid);
            handle.finish(result);
            LOG.info("manual validation of group " + group.name() + ": " + valid + " of " + targets.size() + " keys valid");
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "manual validation of group {0} failed: {1}",
                    new Object[]{group.name(), e.getClass().getSimpleName()});
            handle.fail("validation failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Tests pasted keys (at most {@value KeyService#SYNC_LIMIT}) against the group, in input order;
     * keys that are not in the group are reported as such and never sent upstream.
     *
     * @throws io.gptload.shared.ValidationException for empty text, no keys or too many keys
     */
    public List<KeyTestResult> test(GroupSnapshot group, String keysText) throws SQLException {
        requireStandard(group);
        List<String> values = KeyService.parse(keysText);
        Map<String, StoredKey> byHash = new HashMap<>();
        keys.existing(group.id(), values).forEach(k -> byHash.put(k.keyHash(), k));
        List<StoredKey> found = new ArrayList<>();
        List<Integer> position = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            StoredKey k = byHash.get(keys.hash(values.get(i)));
            if (k != null) {
                found.add(k);
                position.add(i);
            }
        }
        List<KeyCheck> checks = ValidationRun.run(found, group.settings().keyValidationConcurrency(), clients.relay(),
                k -> validator.validate(group, keys.pooled(k)).check(), n -> { }, System::currentTimeMillis);
        KeyCheck[] byPosition = new KeyCheck[values.size()];
        for (int j = 0; j < found.size(); j++) {
            byPosition[position.get(j)] = checks.get(j);
        }
        List<KeyTestResult> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            KeyCheck c = byPosition[i];
            Secret key = new Secret(values.get(i));
            out.add(c == null ? new KeyTestResult(key, false, KeyTestResult.NOT_IN_GROUP)
                    : new KeyTestResult(key, c.valid(), c.error()));
        }
        return out;
    }

    private static void requireStandard(GroupSnapshot group) {
        Objects.requireNonNull(group, "group");
        if (group.aggregate()) {
            throw new IllegalArgumentException("aggregate groups have no keys of their own");
        }
    }
}
