package io.gptload.keypool;

import io.gptload.cluster.TaskSlot;
import io.gptload.cluster.TaskStatus;
import io.gptload.shared.KeyCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The async key delete (spec §1 row 26, {@code KEY_DELETE}): the given keys are removed from
 * the group in chunks of 1000, each chunk leaving the database, the pool and the failure counts
 * before progress is reported.
 */
@ApplicationScoped
public class KeyDeletion {

    private KeyNotices notices;
    private KeyCheckHistory history;

    /** Failed checks shown in the console, forgotten with their keys (absent in unit tests). */
    @Inject
    void setHistory(KeyCheckHistory history) {
        this.history = history;
    }

    /** Cluster notices of key changes (absent in unit tests). */
    @Inject
    void setNotices(KeyNotices notices) {
        this.notices = notices;
    }

    static final int CHUNK = 1000;

    private KeyRepository repo;
    private KeyPool pool;
    private KeyHealth health;
    private KeyCipher cipher;
    private KeyTaskRunner runner;

    protected KeyDeletion() {
        // for CDI proxies
    }

    @Inject
    public KeyDeletion(KeyRepository repo, KeyPool pool, KeyHealth health, KeyCipher cipher, KeyTaskRunner runner) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.health = Objects.requireNonNull(health, "health");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Starts deleting the keys of {@code text} from the group; the running task status. */
    public TaskStatus start(long groupId, String groupName, String text) {
        List<String> keys = KeyTextParser.parse(text);
        if (keys.isEmpty()) {
            throw new TaskStartException(KeyImport.NO_KEYS);
        }
        return runner.start(TaskStatus.KEY_DELETE, groupName, keys.size(), h -> deleteAll(groupId, keys, h));
    }

    private Map<String, Long> deleteAll(long groupId, List<String> keys, TaskSlot.Handle progress) throws SQLException {
        long deleted = 0;
        for (int i = 0; i < keys.size(); i += CHUNK) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + CHUNK));
            Set<String> hashes = new HashSet<>();
            chunk.forEach(k -> hashes.add(cipher.hash(k)));
            List<Long> ids = repo.byHashes(groupId, hashes).stream().map(StoredKey::id).toList();
            deleted += repo.deleteIds(ids);
            pool.removeAll(groupId, ids);
            ids.forEach(id -> health.known(id, 0));
            KeyCheckHistory.forget(history, ids);
            KeyNotices.changed(notices, groupId);
            progress.progress(Math.min(keys.size(), i + CHUNK));
        }
        Map<String, Long> result = new LinkedHashMap<>();
        result.put("deleted_count", deleted);
        result.put("ignored_count", keys.size() - deleted);
        return result;
    }
}
