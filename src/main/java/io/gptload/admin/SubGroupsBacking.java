package io.gptload.admin;

import io.gptload.group.AggregateMembers;
import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupException;
import io.gptload.group.GroupMessage;
import io.gptload.group.GroupService;
import io.gptload.group.GroupValidator;
import io.gptload.group.SubGroupMember;
import io.gptload.group.SubGroupRequest;
import io.gptload.shared.ValidationException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.primefaces.PrimeFaces;

/**
 * The sub-groups of the aggregate selected on {@code keys.xhtml}: members with weight, share and
 * key counts; weight changes, removal (after a confirmation), and adding compatible standard
 * groups. Every change calls {@code GroupService} / {@code AggregateMembers}; refusals become
 * messages of the panel.
 */
@Named
@ViewScoped
public class SubGroupsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_WEIGHT = 1000;
    /** Marks a request in which the members were read already. */
    private static final String READ_MARK = SubGroupsBacking.class.getName() + ".read";

    @Inject
    KeysPage page;
    @Inject
    GroupService groups;
    @Inject
    AggregateMembers members;
    @Inject
    ConsoleLocale locale;

    private long loadedFor = -1;
    private List<SubGroupRow> rows = List.of();
    private List<Long> addIds = new ArrayList<>();
    private Integer addWeight = 1;
    private Long removeId;
    private String removeName = "";

    /** The members of the selected aggregate, read once per request (and again after a change). */
    public List<SubGroupRow> getMembers() {
        Optional<GroupDefinition> aggregate = aggregate();
        if (aggregate.isEmpty()) {
            return List.of();
        }
        FacesContext ctx = FacesContext.getCurrentInstance();
        boolean readNow = ctx != null && ctx.getAttributes().containsKey(READ_MARK);
        if (loadedFor != aggregate.get().id() || !readNow) {
            reload(aggregate.get().id());
        }
        return rows;
    }

    private void reload(long aggregateId) {
        List<SubGroupMember> found;
        try {
            found = groups.subGroups(aggregateId);
        } catch (GroupException e) {
            found = List.of();
        }
        rows = SubGroupRow.of(found, locale.getLocale());
        if (loadedFor != aggregateId) {
            addIds = new ArrayList<>();
        }
        loadedFor = aggregateId;
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (ctx != null) {
            ctx.getAttributes().put(READ_MARK, Boolean.TRUE);
        }
    }

    private Optional<GroupDefinition> aggregate() {
        return page.selected().filter(GroupDefinition::aggregate);
    }

    /**
     * The groups that could join: standard groups of the aggregate's channel type that are not
     * members yet and, once there are members, use the same effective validation endpoint.
     */
    public List<GroupDefinition> getCandidates() {
        Optional<GroupDefinition> aggregate = aggregate();
        if (aggregate.isEmpty()) {
            return List.of();
        }
        List<SubGroupRow> current = getMembers();
        Set<Long> memberIds = new HashSet<>();
        current.forEach(r -> memberIds.add(r.getId()));
        Set<String> endpoints = new HashSet<>();
        page.getGroups().stream().filter(g -> memberIds.contains(g.id()))
                .forEach(g -> endpoints.add(GroupValidator.effectiveValidationEndpoint(g)));
        return page.getGroups().stream()
                .filter(g -> !g.aggregate() && g.channelType() == aggregate.get().channelType())
                .filter(g -> !memberIds.contains(g.id()))
                .filter(g -> endpoints.isEmpty() || endpoints.contains(GroupValidator.effectiveValidationEndpoint(g)))
                .toList();
    }

    /** Adds the chosen groups with the chosen weight. */
    public void add() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Optional<GroupDefinition> aggregate = aggregate();
        if (aggregate.isEmpty()) {
            return;
        }
        try {
            if (addIds == null || addIds.isEmpty()) {
                throw GroupMessage.SUB_GROUPS_REQUIRED.exception("sub_groups");
            }
            if (addWeight == null || addWeight < 0 || addWeight > MAX_WEIGHT) {
                throw GroupMessage.WEIGHT_RANGE.exception("weight");
            }
            int weight = addWeight;
            groups.addSubGroups(aggregate.get().id(), addIds.stream().map(id -> new SubGroupRequest(id, weight)).toList());
            GroupEditorBacking.info(ctx, "subgroups.added", addIds.size());
            addIds = new ArrayList<>();
            reload(aggregate.get().id());
        } catch (ValidationException e) {
            GroupEditorBacking.error(ctx, GroupEditorBacking.localize(ctx, e, locale.getLanguage()));
        } catch (GroupException e) {
            GroupEditorBacking.error(ctx, GroupEditorBacking.message(ctx, e, ""));
            reload(aggregate.get().id());
        }
    }

    /** Saves the weight typed in a member's row. */
    public void saveWeight(SubGroupRow row) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Optional<GroupDefinition> aggregate = aggregate();
        if (aggregate.isEmpty()) {
            return;
        }
        try {
            Integer w = row.getWeight();
            if (w == null) {
                throw GroupMessage.WEIGHT_RANGE.exception("weight");
            }
            members.setWeight(aggregate.get().id(), row.getId(), w);
            GroupEditorBacking.info(ctx, "subgroups.weightSaved", row.getLabel(), w);
            reload(aggregate.get().id());
        } catch (ValidationException e) {
            GroupEditorBacking.error(ctx, GroupEditorBacking.localize(ctx, e, locale.getLanguage()));
        } catch (GroupException e) {
            GroupEditorBacking.error(ctx, GroupEditorBacking.message(ctx, e, row.getName()));
            reload(aggregate.get().id());
        }
    }

    /** Asks before removing a member. */
    public void openRemove(SubGroupRow row) {
        removeId = row.getId();
        removeName = row.getLabel();
    }

    /** Removes the member the confirmation named. */
    public void remove() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Optional<GroupDefinition> aggregate = aggregate();
        if (aggregate.isEmpty() || removeId == null) {
            return;
        }
        try {
            members.remove(aggregate.get().id(), removeId);
            GroupEditorBacking.info(ctx, "subgroups.removed", removeName);
        } catch (GroupException e) {
            GroupEditorBacking.error(ctx, GroupEditorBacking.message(ctx, e, removeName));
        }
        removeId = null;
        reload(aggregate.get().id());
        PrimeFaces.current().executeScript("PF('subGroupRemove').hide()");
    }

    public List<Long> getAddIds() {
        return addIds;
    }

    public void setAddIds(List<Long> addIds) {
        this.addIds = addIds == null ? new ArrayList<>() : new ArrayList<>(addIds);
    }

    public Integer getAddWeight() {
        return addWeight;
    }

    public void setAddWeight(Integer addWeight) {
        this.addWeight = addWeight;
    }

    public String getRemoveName() {
        return removeName;
    }
}
