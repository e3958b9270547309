package io.gptload.admin;

import io.gptload.channel.ChannelType;
import io.gptload.group.CopyKeys;
import io.gptload.group.CopyNames;
import io.gptload.group.GroupCopier;
import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupException;
import io.gptload.group.GroupMessage;
import io.gptload.group.GroupName;
import io.gptload.group.GroupRequest;
import io.gptload.group.GroupService;
import io.gptload.keypool.GroupKeyCopy;
import io.gptload.keypool.KeyPool;
import io.gptload.settings.SettingType;
import io.gptload.settings.SettingsCatalog;
import io.gptload.settings.SettingsService;
import io.gptload.settings.ValidationMessage;
import io.gptload.shared.ValidationException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.primefaces.PrimeFaces;

/**
 * The group dialogs of {@code keys.xhtml}: create and edit (every field of a group), copy (with
 * or without its keys) and delete. Other parts open them through {@link #openNew}, {@link #openEdit},
 * {@link #openCopy} and {@link #openDelete}, then update {@code :groupEditorForm} and show the
 * dialog. Saving calls {@code GroupService}; a refusal is shown inside the open dialog with the
 * offending field marked, and nothing is stored.
 */
@Named
@ViewScoped
public class GroupEditorBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GroupEditorBacking.class.getName());
    /** Focuses the first marked field of the editor after a refused save. */
    private static final String FOCUS_INVALID =
            "setTimeout(function(){var e=document.querySelector('#groupEditorForm .ui-state-error:is(input,textarea)')"
            + "||document.querySelector('#groupEditorForm .ui-state-error input');if(e){e.focus();}},0);";

    @Inject
    KeysPage page;
    @Inject
    GroupService groups;
    @Inject
    GroupCopier copier;
    @Inject
    GroupKeyCopy keyCopy;
    @Inject
    KeyPool keyPool;
    @Inject
    SettingsService settings;
    @Inject
    ConsoleLocale locale;

    private GroupForm form = GroupForm.blank();

    private Long copySourceId;
    private String copySourceName = "";
    private boolean copySourceAggregate;
    private String copyName = "";
    private String copyKeys = CopyKeys.ALL.wire();

    private Long deleteId;
    private String deleteName = "";
    private boolean deleteAggregate;
    private long deleteCount;

    /** One choice of the config override menu: the setting, its texts and the current system value. */
    public record ConfigOption(String key, String name, String description, String systemValue, boolean bool)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    // ---- create and edit ------------------------------------------------------------------------

    /** Prepares the editor for a new group. */
    public void openNew() {
        form = GroupForm.blank();
        opened(true);
    }

    /** Prepares the editor for group {@code id}. */
    public void openEdit(long id) {
        Optional<GroupDefinition> g = groups.find(id);
        if (g.isEmpty()) {
            gone();
            return;
        }
        form = GroupForm.of(g.get());
        opened(true);
    }

    /** Creates or updates the group; on success selects it and closes the dialog. */
    public void save() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        try {
            GroupRequest request = form.toRequest();
            GroupDefinition saved = form.isNew() ? groups.create(request) : groups.update(form.getId(), request);
            page.refreshGroups();
            page.select(saved.id());
            info(ctx, form.isNew() ? "groups.created" : "groups.updated", label(saved));
            form = GroupForm.blank();
            done("groupEditor");
        } catch (ValidationException e) {
            form.markInvalid(e.field());
            error(ctx, message(ctx, e));
            PrimeFaces.current().executeScript(FOCUS_INVALID);
        } catch (GroupException e) {
            form.markInvalid(e.reason() == GroupException.Reason.DUPLICATE_NAME ? "name" : "");
            error(ctx, message(ctx, e, form.getName()));
            PrimeFaces.current().executeScript(FOCUS_INVALID);
        }
    }

    /** Appends a newly generated proxy key to the group's proxy keys. */
    public void generateProxyKey() {
        form.appendProxyKey(ProxyKeyGenerator.generate());
    }

    public void addUpstream() {
        form.addUpstream();
    }

    public void removeUpstream(int index) {
        form.removeUpstream(index);
    }

    public void addRedirect() {
        form.addRedirect();
    }

    public void removeRedirect(int index) {
        form.removeRedirect(index);
    }

    public void addHeader() {
        form.addHeader();
    }

    public void removeHeader(int index) {
        form.removeHeader(index);
    }

    public void addConfig() {
        form.addConfig();
    }

    public void removeConfig(int index) {
        form.removeConfig(index);
    }

    /** The channel types a group can use, as stored ({@code openai}, {@code gemini}, …). */
    public List<String> getChannelTypes() {
        return Arrays.stream(ChannelType.values()).map(ChannelType::id).toList();
    }

    /** The settings a group may override, named in the console's language, with the system value. */
    public List<ConfigOption> getConfigOptions() {
        Map<String, String> system = settings.current().asStrings();
        String lang = locale.getLanguage();
        return SettingsCatalog.groupOverridable().stream()
                .map(d -> new ConfigOption(d.key(), d.name(lang), d.description(lang), system.getOrDefault(d.key(), ""),
                        d.type() == SettingType.BOOL))
                .toList();
    }

    /** The option of one setting key (for a row's hint), or null. */
    public ConfigOption configOption(String key) {
        return getConfigOptions().stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
    }

    // ---- copy ---------------------------------------------------------------------------------

    /** Prepares the copy dialog for group {@code id}: the name the copy will get, keys to take along. */
    public void openCopy(long id) {
        Optional<GroupDefinition> g = groups.find(id);
        if (g.isEmpty()) {
            gone();
            return;
        }
        copySourceId = id;
        copySourceName = g.get().name();
        copySourceAggregate = g.get().aggregate();
        Set<String> taken = new HashSet<>();
        groups.names().stream().map(GroupName::name).forEach(taken::add);
        copyName = CopyNames.next(copySourceName, taken);
        copyKeys = copySourceAggregate ? CopyKeys.NONE.wire() : CopyKeys.ALL.wire();
        opened(true);
    }

    /** Copies the group (and starts importing its keys, as chosen), then selects the copy. */
    public void copy() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (copySourceId == null) {
            return;
        }
        long source = copySourceId;
        try {
            CopyKeys option = CopyKeys.parse(copyKeys);
            GroupDefinition copy = copier.copy(source);
            int keys = 0;
            if (option != CopyKeys.NONE && !copy.aggregate()) {
                try {
                    keys = keyCopy.copy(source, copy.id(), copy.name(), option == CopyKeys.VALID_ONLY);
                } catch (SQLException | RuntimeException e) {
                    LOG.warning("keys of group " + source + " were not copied to group " + copy.id() + ": "
                            + e.getClass().getSimpleName());
                }
            }
            page.refreshGroups();
            page.select(copy.id());
            info(ctx, "groups.copied", copySourceName, copy.name());
            if (keys > 0) {
                info(ctx, "groups.copy.importing", keys);
                org.primefaces.PrimeFaces.current().executeScript(
                        "if (window.PF && PrimeFaces.widgets.taskPoll) { PF('taskPoll').start(); }");
            }
            copySourceId = null;
            done("groupCopy");
        } catch (ValidationException e) {
            error(ctx, message(ctx, e));
        } catch (GroupException e) {
            error(ctx, message(ctx, e, copyName));
        }
    }

    // ---- delete -------------------------------------------------------------------------------

    /** Prepares the delete confirmation for group {@code id}: its name and how many keys go with it. */
    public void openDelete(long id) {
        Optional<GroupDefinition> g = groups.find(id);
        if (g.isEmpty()) {
            gone();
            return;
        }
        deleteId = id;
        deleteName = label(g.get());
        deleteAggregate = g.get().aggregate();
        try {
            deleteCount = deleteAggregate ? groups.subGroups(id).size() : groups.keyStats(id).total();
        } catch (GroupException e) {
            gone();
            return;
        }
        opened(true);
    }

    /** Deletes the group with its keys and memberships, then selects another group. */
    public void delete() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (deleteId == null) {
            return;
        }
        long id = deleteId;
        try {
            groups.delete(id);
            keyPool.dropGroup(id);
            info(ctx, "groups.deleted", deleteName);
        } catch (GroupException e) {
            error(ctx, message(ctx, e, deleteName));
        }
        deleteId = null;
        page.refreshGroups();
        done("groupDelete");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static void opened(boolean opened) {
        PrimeFaces.current().ajax().addCallbackParam("opened", opened);
    }

    private void gone() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        error(ctx, ConsoleMessages.text(ctx, "groups.error.notFound"));
        page.refreshGroups();
        opened(false);
        PrimeFaces.current().ajax().update("groupsForm", "groupPanel", "keysGrowl");
    }

    /** Closes a dialog and shows the new state of the page. */
    private static void done(String dialog) {
        PrimeFaces.current().ajax().addCallbackParam("saved", true);
        PrimeFaces.current().executeScript("PF('" + dialog + "').hide()");
        PrimeFaces.current().ajax().update("groupsForm", "groupPanel", "keysGrowl");
    }

    private static String label(GroupDefinition g) {
        return GroupLabel.of(g.name(), g.displayName());
    }

    /** The refusal in the console's language. */
    String message(FacesContext ctx, ValidationException e) {
        return localize(ctx, e, locale.getLanguage());
    }

    static String localize(FacesContext ctx, ValidationException e, String language) {
        if (e.messageId().startsWith(GroupForm.CONSOLE_ID)) {
            List<String> args = e.args();
            return ConsoleMessages.text(ctx, e.messageId().substring(GroupForm.CONSOLE_ID.length()),
                    args.subList(Math.min(1, args.size()), args.size()).toArray());
        }
        return GroupMessage.localize(e, language).orElseGet(() -> ValidationMessage.localize(e, language));
    }

    static String message(FacesContext ctx, GroupException e, String name) {
        return switch (e.reason()) {
            case NOT_FOUND -> ConsoleMessages.text(ctx, "groups.error.notFound");
            case DUPLICATE_NAME -> ConsoleMessages.text(ctx, "groups.error.duplicateName", name == null ? "" : name.strip());
            case NOT_AGGREGATE -> ConsoleMessages.text(ctx, "groups.error.notAggregate");
            case NOT_A_MEMBER -> ConsoleMessages.text(ctx, "groups.error.notMember");
        };
    }

    static void error(FacesContext ctx, String text) {
        ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, ""));
    }

    static void info(FacesContext ctx, String key, Object... args) {
        String text = ConsoleMessages.text(ctx, key, args);
        ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, ""));
    }

    // ---- properties ---------------------------------------------------------------------------------

    public GroupForm getForm() {
        return form;
    }

    public String getCopySourceName() {
        return copySourceName;
    }

    public boolean isCopySourceAggregate() {
        return copySourceAggregate;
    }

    public String getCopyName() {
        return copyName;
    }

    public String getCopyKeys() {
        return copyKeys;
    }

    public void setCopyKeys(String copyKeys) {
        this.copyKeys = copyKeys;
    }

    public String getDeleteName() {
        return deleteName;
    }

    public boolean isDeleteAggregate() {
        return deleteAggregate;
    }

    public long getDeleteCount() {
        return deleteCount;
    }
}
