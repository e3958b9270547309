package io.gptload.admin;

import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
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

    @PostConstruct
    void load() {
        refreshGroups();
        if (selectedGroupId == null && !groupList.isEmpty()) {
            selectedGroupId = groupList.get(0).id();
        }
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
