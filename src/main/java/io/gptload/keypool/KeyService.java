package io.gptload.keypool;

import io.gptload.shared.KeyCipher;
import io.gptload.shared.Secret;
import io.gptload.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Key use cases of the synchronous API (spec §3.3 keys): add, delete and restore by text, and
 * loading the pool. Every change reaches the {@link KeyPool} right after the database commit.
 */
@ApplicationScoped
public class KeyService {

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

    public static final int SYNC_LIMIT = 5000;
    private static final Logger LOG = Logger.getLogger(KeyService.class.getName());

    private KeyRepository repo;
    private KeyPool pool;
    private KeyHealth health;
    private KeyCipher cipher;

    protected KeyService() {
        // for CDI proxies
    }

    @Inject
    public KeyService(KeyRepository repo, KeyPool pool, KeyHealth health, KeyCipher cipher) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.health = Objects.requireNonNull(health, "health");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** Loads every active key into the pool (start-up). */
    public int loadAll() throws SQLException {
        Map<Long, List<PooledKey>> byGroup = new LinkedHashMap<>();
        int n = 0;
        for (StoredKey k : repo.active()) {
            byGroup.computeIfAbsent(k.groupId(), g -> new ArrayList<>()).add(pooled(k));
            health.known(k.id(), (int) k.failureCount());
            n++;
        }
        byGroup.forEach(pool::replace);
        return n;
    }

    public KeyBatchResult add(long groupId, String keysText) throws SQLException {
        List<String> keys = parse(keysText);
        Map<String, String> byHash = new LinkedHashMap<>();
        keys.forEach(k -> byHash.putIfAbsent(cipher.hash(k), k));
        Set<String> existing = new HashSet<>();
        repo.byHashes(groupId, byHash.keySet()).forEach(k -> existing.add(k.keyHash()));
        List<String[]> fresh = new ArrayList<>();
        byHash.forEach((hash, value) -> {
            if (!existing.contains(hash)) {
                fresh.add(new String[]{cipher.encrypt(value), hash});
            }
        });
        List<StoredKey> inserted = repo.insert(groupId, fresh);
        pool.add(groupId, inserted.stream().map(this::pooled).toList());
        KeyNotices.changed(notices, groupId);
        return new KeyBatchResult(inserted.size(), keys.size() - inserted.size(), repo.countInGroup(groupId));
    }

    public KeyBatchResult delete(long groupId, String keysText) throws SQLException {
        List<String> keys = parse(keysText);
        List<StoredKey> found = found(groupId, keys);
        int deleted = repo.deleteIds(found.stream().map(StoredKey::id).toList());
        found.forEach(k -> {
            pool.remove(groupId, k.id());
            health.known(k.id(), 0);
        });
        KeyCheckHistory.forget(history, found.stream().map(StoredKey::id).toList());
        KeyNotices.changed(notices, groupId);
        return new KeyBatchResult(deleted, keys.size() - deleted, repo.countInGroup(groupId));
    }

    public KeyBatchResult restore(long groupId, String keysText) throws SQLException {
        List<String> keys = parse(keysText);
        List<StoredKey> invalid = found(groupId, keys).stream().filter(k -> StoredKey.INVALID.equals(k.status())).toList();
        int restored = repo.restoreIds(invalid.stream().map(StoredKey::id).toList());
        KeyCheckHistory.forget(history, invalid.stream().map(StoredKey::id).toList());
        refreshGroup(groupId);
        KeyNotices.changed(notices, groupId);
        health.restored(groupId, restored);
        return new KeyBatchResult(restored, keys.size() - restored, repo.countInGroup(groupId));
    }

    /** Re-reads a group's active keys into the pool after a bulk change. */
    public void refreshGroup(long groupId) throws SQLException {
        List<PooledKey> active = new ArrayList<>();
        for (StoredKey k : repo.activeOfGroup(groupId)) {
            active.add(pooled(k));
            health.known(k.id(), (int) k.failureCount());
        }
        pool.replace(groupId, active);
    }

    /** Rows of the group whose hash matches one of the plaintext keys. */
    List<StoredKey> existing(long groupId, List<String> keys) throws SQLException {
        return found(groupId, keys);
    }

    /** Decrypts a stored value for display; {@code failed-to-decrypt} when it cannot be read. */
    public String displayValue(String stored) {
        try {
            return cipher.decrypt(stored);
        } catch (KeyCipher.DecryptionException e) {
            return "failed-to-decrypt";
        }
    }

    public String hash(String plaintext) {
        return cipher.hash(plaintext);
    }

    private List<StoredKey> found(long groupId, List<String> keys) throws SQLException {
        Set<String> hashes = new HashSet<>();
        keys.forEach(k -> hashes.add(cipher.hash(k)));
        return repo.byHashes(groupId, hashes);
    }

    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("keys_text", "keys_text_empty", List.of("keys_text"), "Keys text cannot be empty");
        }
        List<String> keys = KeyTextParser.parse(text);
        if (keys.isEmpty()) {
            throw new ValidationException("keys_text", "no_valid_keys", List.of("keys_text"),
                    "no valid keys found in the input text");
        }
        if (keys.size() > SYNC_LIMIT) {
            throw new ValidationException("keys_text", "batch_too_large", List.of("keys_text"),
                    "batch size exceeds the limit of " + SYNC_LIMIT + " keys, got " + keys.size());
        }
        return keys;
    }

    PooledKey pooled(StoredKey k) {
        String plain;
        try {
            plain = cipher.decrypt(k.keyValue());
        } catch (KeyCipher.DecryptionException e) {
            LOG.warning("key id " + k.id() + " could not be decrypted; using the stored value (check ENCRYPTION_KEY)");
            plain = k.keyValue();
        }
        return new PooledKey(k.id(), k.groupId(), new Secret(plain), k.keyHash(), k.keyValue());
    }
}
