package io.gptload.keypool;

import io.gptload.cluster.TaskSlot;
import io.gptload.cluster.TaskStatus;
import io.gptload.shared.KeyCipher;
import io.gptload.shared.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The async key import (spec §1 row 25, {@code KEY_IMPORT}): no size limit; keys are checked
 * against the group's existing hashes and inserted in chunks of 500, each chunk one transaction
 * that reaches the pool (usable at once) and the task progress before the next starts.
 */
@ApplicationScoped
public class KeyImport {

    private KeyNotices notices;

    /** Cluster notices of key changes (absent in unit tests). */
    @Inject
    void setNotices(KeyNotices notices) {
        this.notices = notices;
    }

    static final int CHUNK = 500;
    static final String NO_KEYS = "no valid keys found in the input text";

    private KeyRepository repo;
    private KeyPool pool;
    private KeyCipher cipher;
    private KeyTaskRunner runner;

    protected KeyImport() {
        // for CDI proxies
    }

    @Inject
    public KeyImport(KeyRepository repo, KeyPool pool, KeyCipher cipher, KeyTaskRunner runner) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Starts importing the keys of {@code text} into the group; the running task status. */
    public TaskStatus start(long groupId, String groupName, String text) {
        List<String> keys = KeyTextParser.parse(text);
        if (keys.isEmpty()) {
            throw new TaskStartException(NO_KEYS);
        }
        return runner.start(TaskStatus.KEY_IMPORT, groupName, keys.size(), h -> importAll(groupId, keys, h));
    }

    private Map<String, Long> importAll(long groupId, List<String> keys, TaskSlot.Handle progress) throws SQLException {
        long added = 0;
        for (int i = 0; i < keys.size(); i += CHUNK) {
            added += importChunk(groupId, keys.subList(i, Math.min(keys.size(), i + CHUNK)));
            progress.progress(Math.min(keys.size(), i + CHUNK));
        }
        Map<String, Long> result = new LinkedHashMap<>();
        result.put("added_count", added);
        result.put("ignored_count", keys.size() - added);
        return result;
    }

    private int importChunk(long groupId, List<String> chunk) throws SQLException {
        Map<String, String> byHash = new LinkedHashMap<>();
        chunk.forEach(k -> byHash.putIfAbsent(cipher.hash(k), k));
        Set<String> existing = repo.existingHashes(groupId, byHash.keySet());
        List<String[]> rows = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        byHash.forEach((hash, value) -> {
            if (!existing.contains(hash)) {
                rows.add(new String[]{cipher.encrypt(value), hash});
                plain.add(value);
            }
        });
        List<StoredKey> inserted = repo.insertChunk(groupId, rows);
        List<PooledKey> pooled = new ArrayList<>(inserted.size());
        for (int j = 0; j < inserted.size(); j++) {
            StoredKey k = inserted.get(j);
            pooled.add(new PooledKey(k.id(), groupId, new Secret(plain.get(j)), k.keyHash(), k.keyValue()));
        }
        pool.add(groupId, pooled);
        KeyNotices.changed(notices, groupId);
        return inserted.size();
    }
}
