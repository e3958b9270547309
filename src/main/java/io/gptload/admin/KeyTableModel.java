package io.gptload.admin;

import io.gptload.keypool.KeyCheckHistory;
import io.gptload.keypool.KeyRepository;
import io.gptload.keypool.KeyService;
import io.gptload.keypool.StoredKey;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The lazy model behind the key table: one group's keys, filtered by status and by an exact key
 * (matched through its hash), read a page at a time from {@link KeyRepository}; only the page
 * shown is decrypted, to be masked, and only its keys' failed checks are looked up.
 */
final class KeyTableModel extends LazyDataModel<KeyRow> {

    private static final long serialVersionUID = 1L;

    private final KeyRepository repo;
    private final KeyService keys;
    private final KeyCheckHistory checks;
    private final long groupId;
    private final String status;
    private final String keyHash;

    KeyTableModel(KeyRepository repo, KeyService keys, KeyCheckHistory checks, long groupId, String status,
                  String keyHash) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.groupId = groupId;
        this.status = status;
        this.keyHash = keyHash;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, repo.count(groupId, status, keyHash));
        } catch (SQLException e) {
            throw new ConsoleDataException("key count", e);
        }
    }

    @Override
    public List<KeyRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        try {
            List<StoredKey> page = repo.page(groupId, status, keyHash, first, pageSize);
            Map<Long, KeyCheckHistory.FailedCheck> failed = checks.failedChecks(page.stream().map(StoredKey::id).toList());
            return page.stream().map(k -> KeyRow.of(k, keys.displayValue(k.keyValue()), failed.get(k.id()))).toList();
        } catch (SQLException e) {
            throw new ConsoleDataException("key page", e);
        }
    }

    @Override
    public String getRowKey(KeyRow row) {
        return Long.toString(row.id());
    }

    @Override
    public KeyRow getRowData(String rowKey) {
        List<KeyRow> shown = getWrappedData();
        if (shown == null) {
            return null;
        }
        return shown.stream().filter(r -> Long.toString(r.id()).equals(rowKey)).findFirst().orElse(null);
    }

    /** The group whose keys this model shows. */
    long groupId() {
        return groupId;
    }
}
