package io.gptload.admin;

import io.gptload.cluster.TaskSlot;
import io.gptload.cluster.TaskStatus;
import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupService;
import io.gptload.group.GroupSnapshot;
import io.gptload.group.KeyCounts;
import io.gptload.keypool.KeyBatchResult;
import io.gptload.keypool.KeyCheckHistory;
import io.gptload.keypool.KeyCleanup;
import io.gptload.keypool.KeyExport;
import io.gptload.keypool.KeyImport;
import io.gptload.keypool.KeyNotes;
import io.gptload.keypool.KeyRepository;
import io.gptload.keypool.KeyService;
import io.gptload.keypool.KeyTestResult;
import io.gptload.keypool.KeyValidationTasks;
import io.gptload.keypool.StoredKey;
import io.gptload.keypool.TaskRefusedException;
import io.gptload.keypool.TaskStartException;
import io.gptload.requestlog.GroupRequestStats;
import io.gptload.shared.Secret;
import io.gptload.shared.ValidationException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * The key table of {@code keys.xhtml} and everything done to a group's keys: filters, reveal and
 * copy, add (text or {@code .txt}) as an async import with a progress bar, validation with a
 * progress bar, test, restore and delete of the selected keys, restore/clear of all invalid keys,
 * clear all, export and notes. Every action calls the {@code keypool} services; errors become
 * page messages, never stack traces.
 */
@Named
@ViewScoped
public class KeysBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(KeysBacking.class.getName());
    /** The largest .txt upload taken (also enforced by the upload component). */
    static final long MAX_UPLOAD = 20L * 1024 * 1024;

    @Inject
    KeysPage page;
    @Inject
    KeyRepository repo;
    @Inject
    KeyService keys;
    @Inject
    KeyImport imports;
    @Inject
    KeyValidationTasks validation;
    @Inject
    KeyCleanup cleanup;
    @Inject
    KeyCheckHistory checks;
    @Inject
    KeyNotes notes;
    @Inject
    KeyExport export;
    @Inject
    GroupCatalog catalog;
    @Inject
    GroupService groups;
    @Inject
    GroupRequestStats requestStats;
    @Inject
    TaskSlot tasks;

    private String statusFilter = "";
    private String keySearch = "";
    private KeyTableModel model;
    private List<KeyRow> selection = new ArrayList<>();
    private String addText = "";
    private transient UploadedFile upload;
    private String validateScope = "";
    private String exportScope = "";
    private long noteKeyId;
    private String noteText = "";
    private List<TestLine> testResults = List.of();
    private boolean watchingTask;
    private GroupStatsView stats;
    private long statsGroupId;

    /** One line of the "test selected" result dialog (the key masked). */
    public record TestLine(String masked, boolean valid, String error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

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

    private Optional<StoredKey> keyOfGroup(long keyId) {
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

    // ---- add keys (async import) ------------------------------------------------------

    /** Starts importing the pasted text and the uploaded {@code .txt}, if any. */
    public void addKeys() {
        Optional<GroupSnapshot> group = standardGroup();
        if (group.isEmpty()) {
            return;
        }
        String text = addText == null ? "" : addText;
        if (upload != null && upload.getSize() > 0) {
            if (upload.getSize() > MAX_UPLOAD) {
                error("keys.add.tooLarge");
                return;
            }
            try (InputStream in = upload.getInputStream()) {
                text = text + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                upload = null;
            }
        }
        if (text.isBlank()) {
            error("keys.add.empty");
            return;
        }
        try {
            imports.start(group.get().id(), group.get().name(), text);
            addText = "";
            watchTask();
            PrimeFaces.current().executeScript("PF('addKeysDialog').hide()");
        } catch (TaskRefusedException e) {
            error("keys.task.busy");
        } catch (TaskStartException | ValidationException e) {
            error("keys.add.noKeys");
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
            watchTask();
        } catch (TaskRefusedException e) {
            error(tasks.status().running() ? "keys.task.busy" : "keys.validate.none");
        } catch (SQLException e) {
            throw new ConsoleDataException("validation start", e);
        }
    }

    /** Tests the selected keys against the upstream now and shows each result. */
    public void testSelected() {
        Optional<GroupSnapshot> group = standardGroup();
        List<String> values = selectedValues();
        if (group.isEmpty() || values.isEmpty()) {
            return;
        }
        try {
            List<KeyTestResult> results = validation.test(group.get(), String.join("\n", values));
            testResults = results.stream()
                    .map(r -> new TestLine(Secret.mask(r.key().value()), r.valid(), r.error())).toList();
            PrimeFaces.current().executeScript("PF('testResultsDialog').show()");
            refreshTable();
        } catch (SQLException e) {
            throw new ConsoleDataException("key test", e);
        } catch (ValidationException e) {
            error("keys.select.none");
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

    // ---- export ----------------------------------------------------------------------------

    /** The group's keys as a text file, one per line, streamed from the database. */
    public StreamedContent getExportFile() {
        Long gid = page.getSelectedGroupId();
        GroupDefinition g = page.getSelectedGroup();
        if (gid == null || g == null) {
            return null;
        }
        String status = StoredKey.ACTIVE.equals(exportScope) || StoredKey.INVALID.equals(exportScope)
                ? exportScope : null;
        KeyExport exporter = export;
        long groupId = gid;
        return DefaultStreamedContent.builder()
                .name("keys-" + g.name() + "-" + (status == null ? "all" : status) + ".txt")
                .contentType("text/plain; charset=utf-8")
                .writer(out -> {
                    try {
                        exporter.write(groupId, status, out);
                    } catch (SQLException e) {
                        throw new ConsoleDataException("key export", e);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    // ---- notes -------------------------------------------------------------------------

    public void editNotes(KeyRow row) {
        noteKeyId = row.id();
        noteText = row.notes();
    }

    public void saveNotes() {
        if (keyOfGroup(noteKeyId).isEmpty()) {
            error("keys.error.gone");
            return;
        }
        String text = noteText == null ? "" : noteText;
        if (text.codePointCount(0, text.length()) > KeyNotes.MAX) {
            error("keys.notes.tooLong", KeyNotes.MAX);
            return;
        }
        try {
            notes.update(noteKeyId, text);
            PrimeFaces.current().executeScript("PF('notesDialog').hide()");
            refreshTable();
        } catch (SQLException e) {
            throw new ConsoleDataException("key notes", e);
        }
    }

    // ---- the task slot ---------------------------------------------------------------------

    private void watchTask() {
        watchingTask = true;
        PrimeFaces.current().executeScript("PF('taskPoll').start()");
    }

    /** The current or last task, for the progress panel. */
    public TaskView getTask() {
        return TaskView.of(tasks.status());
    }

    /** Polled while a task runs: when it has ended, stops polling and refreshes keys and counts. */
    public void pollTask() {
        TaskStatus status = tasks.status();
        if (status.running()) {
            watchingTask = true; // also a task started elsewhere (a group copy, the API, another node)
        } else {
            PrimeFaces.current().ajax().addCallbackParam("taskDone", true);
            if (watchingTask) {
                watchingTask = false;
                refreshTable();
                PrimeFaces.current().ajax().update(":keysForm", ":groupStats");
            }
        }
    }

    /** Whether a task runs now (the page starts polling when it opens during one). */
    public boolean isTaskRunning() {
        return tasks.status().running();
    }

    // ---- helpers -------------------------------------------------------------------------

    private void refreshTable() {
        stats = null;
        Long gid = page.getSelectedGroupId();
        model = gid == null ? null : newModel(gid);
    }

    private long gid() {
        return page.getSelectedGroupId();
    }

    private Optional<GroupSnapshot> standardGroup() {
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
    private List<String> selectedValues() {
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

    public String getAddText() {
        return addText;
    }

    public void setAddText(String addText) {
        this.addText = addText;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    public String getValidateScope() {
        return validateScope;
    }

    public void setValidateScope(String validateScope) {
        this.validateScope = validateScope;
    }

    public String getExportScope() {
        return exportScope;
    }

    public void setExportScope(String exportScope) {
        this.exportScope = exportScope;
    }

    public String getNoteText() {
        return noteText;
    }

    public void setNoteText(String noteText) {
        this.noteText = noteText;
    }

    public List<TestLine> getTestResults() {
        return testResults;
    }
}
