package io.gptload.admin;

import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of {@code keys.xhtml} shared by its parts: the group list on the left, the group
 * selected in it, and the panels that show that group (keys, statistics, sub-groups). The group
 * editor ({@code GroupEditorBacking}) calls {@link #select} and {@link #refreshGroups} after a save.
 */
@Named
@ViewScoped
public class KeysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    GroupService groups;

    private List<GroupDefinition> groupList = List.of();
    private Long selectedGroupId;

    private String filter = "";

    @PostConstruct
    void load() {
        refreshGroups();
        selectedGroupId = requestedGroup();
        if (selectedGroupId == null && !groupList.isEmpty()) {
            selectedGroupId = groupList.get(0).id();
        }
    }

    /** The group named by {@code ?group=<id>} in the page's URL, if it exists. */
    private Long requestedGroup() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        String param = ctx == null ? null : ctx.getExternalContext().getRequestParameterMap().get("group");
        if (param == null) {
            return null;
        }
        try {
            long id = Long.parseLong(param.strip());
            return groupList.stream().anyMatch(g -> g.id() == id) ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Moves the selected group one place up ({@code -1}) or down ({@code 1}) in the list. */
    public void move(int delta) {
        if (selectedGroupId != null) {
            groups.move(selectedGroupId, delta);
            refreshGroups();
        }
    }

    /** The groups whose name or display name contains the filter text (case-insensitive). */
    public List<GroupDefinition> getShownGroups() {
        String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            return groupList;
        }
        return groupList.stream().filter(g -> g.name().toLowerCase(Locale.ROOT).contains(f)
                || g.displayName().toLowerCase(Locale.ROOT).contains(f)).toList();
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    /** Whether the selected group can move up / down. */
    public boolean isFirstSelected() {
        return !groupList.isEmpty() && selectedGroupId != null && groupList.get(0).id() == selectedGroupId;
    }

    public boolean isLastSelected() {
        return !groupList.isEmpty() && selectedGroupId != null
                && groupList.get(groupList.size() - 1).id() == selectedGroupId;
    }

    /** Reloads the group list (after a create, edit, copy, delete or reorder). */
    public void refreshGroups() {
        groupList = groups.list();
        if (selectedGroupId != null && groupList.stream().noneMatch(g -> g.id() == selectedGroupId)) {
            selectedGroupId = groupList.isEmpty() ? null : groupList.get(0).id();
        }
    }

    /** Shows group {@code id} in the right-hand panels. */
    public void select(long id) {
        selectedGroupId = id;
    }

    public List<GroupDefinition> getGroups() {
        return groupList;
    }

    public Long getSelectedGroupId() {
        return selectedGroupId;
    }

    /** The selected group, if it still exists. */
    public Optional<GroupDefinition> selected() {
        Long id = selectedGroupId;
        return id == null ? Optional.empty() : groupList.stream().filter(g -> g.id() == id).findFirst();
    }

    /** The selected group or null, for pages. */
    public GroupDefinition getSelectedGroup() {
        return selected().orElse(null);
    }
}
