package io.gptload.admin;

import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupService;
import io.gptload.group.GroupSnapshot;
import io.gptload.group.KeyCounts;
import io.gptload.keypool.KeyBatchResult;
import io.gptload.keypool.KeyCheckHistory;
import io.gptload.keypool.KeyCleanup;
import io.gptload.keypool.KeyRepository;
import io.gptload.keypool.KeyService;
import io.gptload.keypool.KeyValidationTasks;
import io.gptload.keypool.StoredKey;
import io.gptload.keypool.TaskRefusedException;
import io.gptload.requestlog.GroupRequestStats;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.PrimeFaces;

/**
 * The key table of {@code keys.xhtml} and what is done to the selected or all of a group's keys:
 * filters, reveal and copy, starting a validation, restore and delete of the selected keys,
 * restore/clear of all invalid keys, clear all, the group's counts. Export, notes, the import,
 * the test dialog and the progress panel have their own beans ({@link KeyExportBacking},
 * {@link KeyNotesBacking}, {@link KeyImportBacking}, {@link KeyTestBacking},
 * {@link KeyTaskBacking}). What stays here (~340 lines) shares the table's filters and selection.
 * Every action calls the {@code keypool} services; errors become page messages, never stack traces.
 */
@Named
@ViewScoped
public class KeysBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(KeysBacking.class.getName());

    @Inject
    KeysPage page;
    @Inject
    KeyRepository repo;
    @Inject
    KeyService keys;
    @Inject
    KeyValidationTasks validation;
    @Inject
    KeyCleanup cleanup;
    @Inject
    KeyCheckHistory checks;
    @Inject
    GroupCatalog catalog;
    @Inject
    GroupService groups;
    @Inject
    GroupRequestStats requestStats;
    @Inject
    KeyTaskBacking progress;

    private String statusFilter = "";
    private String keySearch = "";
    private KeyTableModel model;
    private List<KeyRow> selection = new ArrayList<>();
    private String validateScope = "";
    private GroupStatsView stats;
    private long statsGroupId;

    /** A link may open the page filtered by status ({@code keys.xhtml?group=<id>&status=invalid}, from the dashboard). */
    @PostConstruct
    void openFromLink() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        String status = ctx == null ? null : ctx.getExternalContext().getRequestParameterMap().get("status");
        if (StoredKey.ACTIVE.equals(status) || StoredKey.INVALID.equals(status)) {
            statusFilter = status;
        }
    }

    /** The key table's model for the selected group; rebuilt when the group or a filter changes. */
    public KeyTableModel getModel() {
        Long gid = page.getSelectedGroupId();
        if (gid == null) {
            return null;
        }
        if (model == null || model.groupId() != gid) {
            selection = new ArrayList<>();
            model = newModel(gid);
        }
        return model;
    }

    private KeyTableModel newModel(long gid) {
        String status = StoredKey.ACTIVE.equals(statusFilter) || StoredKey.INVALID.equals(statusFilter)
                ? statusFilter : null;
        String search = keySearch == null ? "" : keySearch.strip();
        return new KeyTableModel(repo, keys, checks, gid, status, search.isEmpty() ? null : keys.hash(search));
    }

    /** Applies the status and key filters. */
    public void applyFilters() {
        Long gid = page.getSelectedGroupId();
        selection = new ArrayList<>();
        model = gid == null ? null : newModel(gid);
    }

    public void resetFilters() {
        statusFilter = "";
        keySearch = "";
        applyFilters();
    }

    // ---- group statistics -------------------------------------------------------------

    /** Key counts and request totals of the selected standard group (read once, until keys change). */
    public GroupStatsView getStats() {
        Long gid = page.getSelectedGroupId();
        if (gid == null) {
            return GroupStatsView.EMPTY;
        }
        if (stats == null || statsGroupId != gid) {
            stats = readStats(gid);
            statsGroupId = gid;
        }
        return stats;
    }

    private GroupStatsView readStats(long gid) {
        try {
            KeyCounts counts = groups.keyStats(gid);
            return new GroupStatsView(counts.total(), counts.active(), counts.invalid(),
                    requestStats.lastHours(gid, 24), requestStats.lastHours(gid, 7 * 24),
                    requestStats.lastHours(gid, 30 * 24));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "group statistics could not be read: {0}", e.getClass().getSimpleName());
            return GroupStatsView.EMPTY;
        }
    }

    // ---- reveal and copy --------------------------------------------------------------

    /** Sends the full value of one key of the selected group to the browser (reveal or copy). */
    public void reveal(long keyId) {
        Optional<StoredKey> key = keyOfGroup(keyId);
        if (key.isEmpty()) {
            error("keys.error.gone");
            return;
        }
        PrimeFaces.current().ajax().addCallbackParam("key", keys.displayValue(key.get().keyValue()));
        PrimeFaces.current().ajax().addCallbackParam("keyId", keyId);
    }

    /** The key with this id, if it belongs to the selected group. */
    public Optional<StoredKey> keyOfGroup(long keyId) {
        Long gid = page.getSelectedGroupId();
        if (gid == null) {
            return Optional.empty();
        }
        try {
            return repo.byIds(gid, List.of(keyId)).stream().findFirst();
        } catch (SQLException e) {
            throw new ConsoleDataException("key lookup", e);
        }
    }

    // ---- validation and tests -----------------------------------------------------------

    /** Starts validating the group's keys: all, only active or only invalid ones. */
    public void validateGroup() {
        Optional<GroupSnapshot> group = standardGroup();
        if (group.isEmpty()) {
            return;
        }
        String scope = StoredKey.ACTIVE.equals(validateScope) || StoredKey.INVALID.equals(validateScope)
                ? validateScope : null;
        try {
            validation.startGroupValidation(group.get(), scope);
            progress.watch();
        } catch (TaskRefusedException e) {
            error(progress.isRunning() ? "keys.task.busy" : "keys.validate.none");
        } catch (SQLException e) {
            throw new ConsoleDataException("validation start", e);
        }
    }

    // ---- bulk changes ---------------------------------------------------------------------

    public void restoreSelected() {
        batch(values -> keys.restore(gid(), values), "keys.restored");
    }

    public void deleteSelected() {
        batch(values -> keys.delete(gid(), values), "keys.deleted");
    }

    private interface BatchCall {
        KeyBatchResult run(String keysText) throws SQLException;
    }

    private void batch(BatchCall call, String doneKey) {
        List<String> values = selectedValues();
        if (values.isEmpty() || standardGroup().isEmpty()) {
            return;
        }
        try {
            KeyBatchResult r = call.run(String.join("\n", values));
            info(doneKey, r.changed());
            selection = new ArrayList<>();
            refreshTable();
        } catch (SQLException e) {
            throw new ConsoleDataException("key batch", e);
        }
    }

    public void restoreAllInvalid() {
        groupWide(() -> cleanup.restoreAllInvalid(gid()), "keys.restored");
    }

    public void clearAllInvalid() {
        groupWide(() -> cleanup.clearAllInvalid(gid()), "keys.deleted");
    }

    public void clearAll() {
        groupWide(() -> cleanup.clearAll(gid()), "keys.deleted");
    }

    private interface GroupCall {
        long run() throws SQLException;
    }

    private void groupWide(GroupCall call, String doneKey) {
        if (standardGroup().isEmpty()) {
            return;
        }
        try {
            info(doneKey, call.run());
            selection = new ArrayList<>();
            refreshTable();
        } catch (SQLException e) {
            throw new ConsoleDataException("key cleanup", e);
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Reads the table and the group's counts again (after a change to the keys). */
    public void refreshTable() {
        stats = null;
        Long gid = page.getSelectedGroupId();
        model = gid == null ? null : newModel(gid);
    }

    private long gid() {
        return page.getSelectedGroupId();
    }

    /** The selected group when it is a standard one; otherwise empty, and the page says why. */
    public Optional<GroupSnapshot> standardGroup() {
        Long gid = page.getSelectedGroupId();
        Optional<GroupSnapshot> g = gid == null ? Optional.empty() : catalog.byId(gid);
        if (g.isEmpty()) {
            error("keys.error.noGroup");
            return Optional.empty();
        }
        if (g.get().aggregate()) {
            error("keys.error.aggregate");
            return Optional.empty();
        }
        return g;
    }

    /** The decrypted values of the selected keys that still belong to the selected group. */
    public List<String> selectedValues() {
        if (selection == null || selection.isEmpty()) {
            error("keys.select.none");
            return List.of();
        }
        Long gid = page.getSelectedGroupId();
        if (gid == null) {
            return List.of();
        }
        try {
            List<StoredKey> found = repo.byIds(gid, selection.stream().map(KeyRow::id).toList());
            return found.stream().map(k -> keys.displayValue(k.keyValue()))
                    .filter(v -> !"failed-to-decrypt".equals(v)).toList();
        } catch (SQLException e) {
            throw new ConsoleDataException("selected keys", e);
        }
    }

    private static void error(String key, Object... args) {
        ConsoleMessages.error(FacesContext.getCurrentInstance(), key, args);
    }

    private static void info(String key, Object... args) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        String text = ConsoleMessages.text(ctx, key, args);
        ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    // ---- properties ----------------------------------------------------------------------

    public String getStatusFilter() {
        return statusFilter;
    }

    public void setStatusFilter(String statusFilter) {
        this.statusFilter = statusFilter;
    }

    public String getKeySearch() {
        return keySearch;
    }

    public void setKeySearch(String keySearch) {
        this.keySearch = keySearch;
    }

    public List<KeyRow> getSelection() {
        return selection;
    }

    public void setSelection(List<KeyRow> selection) {
        this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection);
    }

    public String getValidateScope() {
        return validateScope;
    }

    public void setValidateScope(String validateScope) {
        this.validateScope = validateScope;
    }

}
