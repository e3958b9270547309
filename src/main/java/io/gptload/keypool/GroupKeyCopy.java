package io.gptload.keypool;

import io.gptload.shared.KeyCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Copies the keys of one group into another (group copy, spec §1 row 42): reads the source's keys
 * page by page, decrypts them (a key that cannot be decrypted is skipped, as in gpt-load) and hands
 * them to an async {@link KeyImport} task for the target. As in gpt-load, nothing is copied when
 * another task holds the slot; the copies arrive as new active keys.
 */
@ApplicationScoped
public class GroupKeyCopy {

    static final int PAGE = 5000;
    private static final Logger LOG = Logger.getLogger(GroupKeyCopy.class.getName());

    private KeyRepository repo;
    private KeyImport importer;
    private KeyCipher cipher;

    protected GroupKeyCopy() {
        // for CDI proxies
    }

    @Inject
    public GroupKeyCopy(KeyRepository repo, KeyImport importer, KeyCipher cipher) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /**
     * Starts importing the source's keys (only its active ones when {@code activeOnly}) into the target.
     *
     * @return how many keys the import task was given; 0 when the source has none or the task could not start
     */
    public int copy(long sourceGroupId, long targetGroupId, String targetName, boolean activeOnly) throws SQLException {
        List<String> plain = plaintextKeys(sourceGroupId, activeOnly);
        if (plain.isEmpty()) {
            return 0;
        }
        try {
            importer.start(targetGroupId, targetName, String.join("\n", plain));
            return plain.size();
        } catch (TaskStartException e) {
            LOG.info("keys of group " + sourceGroupId + " were not copied to group " + targetGroupId + ": "
                    + e.getMessage());
            return 0;
        }
    }

    private List<String> plaintextKeys(long groupId, boolean activeOnly) throws SQLException {
        String status = activeOnly ? StoredKey.ACTIVE : null;
        List<String> plain = new ArrayList<>();
        int skipped = 0;
        long lastId = 0;
        while (true) {
            List<StoredKey> page = repo.after(groupId, status, lastId, PAGE);
            for (StoredKey k : page) {
                lastId = Math.max(lastId, k.id());
                try {
                    plain.add(cipher.decrypt(k.keyValue()));
                } catch (KeyCipher.DecryptionException e) {
                    skipped++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (skipped > 0) {
            LOG.warning(skipped + " key(s) of group " + groupId + " could not be decrypted and were not copied");
        }
        return plain;
    }
}
