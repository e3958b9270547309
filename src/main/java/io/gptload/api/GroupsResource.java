package io.gptload.api;

import io.gptload.group.AggregateMembers;
import io.gptload.group.CopyKeys;
import io.gptload.group.GroupCopier;
import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupOrder;
import io.gptload.group.KeyCounts;
import io.gptload.group.GroupRequest;
import io.gptload.group.GroupService;
import io.gptload.group.SubGroupRequest;
import io.gptload.keypool.GroupKeyCopy;
import io.gptload.keypool.KeyPool;
import io.gptload.requestlog.GroupRequestStats;
import io.gptload.settings.SettingDefinition;
import io.gptload.settings.SettingValues;
import io.gptload.settings.SettingsCatalog;
import io.gptload.settings.SettingsService;
import io.gptload.settings.SystemSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import io.gptload.shared.Languages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The group routes of the management API (spec §3.3): CRUD, list of names, config options, order,
 * statistics, copy, and aggregate members.
 */
@ApplicationScoped
@Path("groups")
public class GroupsResource {

    private static final Logger LOG = Logger.getLogger(GroupsResource.class.getName());

    private GroupService groups;
    private AggregateMembers members;
    private GroupCopier copier;
    private GroupKeyCopy keyCopy;
    private GroupRequestStats requestStats;
    private SettingsService settings;
    private KeyPool keyPool;
    private GroupJson json;

    protected GroupsResource() {
        // for CDI proxies
    }

    @Inject
    public GroupsResource(GroupService groups, AggregateMembers members, GroupCopier copier, GroupKeyCopy keyCopy,
                          GroupRequestStats requestStats, SettingsService settings, KeyPool keyPool) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.members = Objects.requireNonNull(members, "members");
        this.copier = Objects.requireNonNull(copier, "copier");
        this.keyCopy = Objects.requireNonNull(keyCopy, "keyCopy");
        this.requestStats = Objects.requireNonNull(requestStats, "requestStats");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keyPool = Objects.requireNonNull(keyPool, "keyPool");
        this.json = new GroupJson();
    }

    @POST
    public Response create(String body) {
        GroupDefinition created = groups.create(GroupRequest.from(JsonBodies.object(body)));
        return Envelope.ok(json.response(created, settings.current()));
    }

    @GET
    public Response list() {
        SystemSettings current = settings.current();
        JsonArrayBuilder items = Json.createArrayBuilder();
        groups.list().forEach(g -> items.add(json.response(g, current)));
        return Envelope.ok(items.build());
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        long groupId = GroupIds.parse(id);
        GroupDefinition updated = groups.update(groupId, GroupRequest.from(JsonBodies.object(body)));
        return Envelope.ok(json.response(updated, settings.current()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        long groupId = GroupIds.parse(id);
        groups.delete(groupId);
        keyPool.dropGroup(groupId);
        return Envelope.ok(null, "Group and related keys deleted successfully");
    }

    @GET
    @Path("{id}/sub-groups")
    public Response subGroups(@PathParam("id") String id) {
        long groupId = GroupIds.parse(id);
        SystemSettings current = settings.current();
        JsonArrayBuilder items = Json.createArrayBuilder();
        groups.subGroups(groupId).forEach(m -> items.add(json.member(m, current)));
        return Envelope.ok(items.build());
    }

    @POST
    @Path("{id}/sub-groups")
    public Response addSubGroups(@PathParam("id") String id, String body) {
        long groupId = GroupIds.parse(id);
        groups.addSubGroups(groupId, SubGroupRequest.listFrom(JsonBodies.object(body)));
        return Envelope.ok(null, "Sub groups added successfully");
    }

    @GET
    @Path("list")
    public Response names() {
        SystemSettings current = settings.current();
        JsonArrayBuilder items = Json.createArrayBuilder();
        groups.names().forEach(g -> items.add(json.listItem(g, current)));
        return Envelope.ok(items.build());
    }

    /** The 14 overridable settings; {@code default_value} is the current system value, typed. */
    @GET
    @Path("config-options")
    public Response configOptions(@HeaderParam("Accept-Language") String acceptLanguage) {
        String lang = Languages.resolve(acceptLanguage);
        SystemSettings current = settings.current();
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (SettingDefinition d : SettingsCatalog.groupOverridable()) {
            items.add(Json.createObjectBuilder().add("key", d.key()).add("name", d.name(lang))
                    .add("description", d.description(lang))
                    .add("default_value", SettingValues.toJson(d, current.asStrings().get(d.key()))));
        }
        return Envelope.ok(items.build());
    }

    @PUT
    @Path("reorder")
    public Response reorder(String body) {
        groups.reorder(GroupOrder.listFrom(JsonBodies.object(body)));
        return Envelope.ok(null, "Group order saved");
    }

    @GET
    @Path("{id}/stats")
    public Response stats(@PathParam("id") String id) throws SQLException {
        long groupId = GroupIds.parse(id);
        KeyCounts keys = groups.keyStats(groupId);
        return Envelope.ok(json.stats(keys, requestStats.lastHours(groupId, 24),
                requestStats.lastHours(groupId, 7 * 24), requestStats.lastHours(groupId, 30 * 24)));
    }

    /**
     * Copies the group, then starts an async {@code KEY_IMPORT} of its keys as {@code copy_keys} asks
     * (after the new group has committed). The import is silently skipped when another task runs; a
     * failure there is logged and leaves the group in place.
     */
    @POST
    @Path("{id}/copy")
    public Response copy(@PathParam("id") String id, String body) {
        long groupId = GroupIds.parse(id);
        CopyKeys option = CopyKeys.from(JsonBodies.object(body));
        GroupDefinition copy = copier.copy(groupId);
        if (option != CopyKeys.NONE) {
            try {
                keyCopy.copy(groupId, copy.id(), copy.name(), option == CopyKeys.VALID_ONLY);
            } catch (SQLException | RuntimeException e) {
                LOG.warning("keys of group " + groupId + " were not copied to group " + copy.id() + ": "
                        + e.getClass().getSimpleName());
            }
        }
        return Envelope.ok(Json.createObjectBuilder().add("group", json.response(copy, settings.current())).build());
    }

    @PUT
    @Path("{id}/sub-groups/{subGroupId}/weight")
    public Response subGroupWeight(@PathParam("id") String id, @PathParam("subGroupId") String subGroupId,
                                   String body) {
        long groupId = GroupIds.parse(id);
        long memberId = GroupIds.parseSubGroup(subGroupId);
        members.setWeight(groupId, memberId, AggregateMembers.weightFrom(JsonBodies.object(body)));
        return Envelope.ok(null, "Sub group weight updated successfully");
    }

    @DELETE
    @Path("{id}/sub-groups/{subGroupId}")
    public Response removeSubGroup(@PathParam("id") String id, @PathParam("subGroupId") String subGroupId) {
        long groupId = GroupIds.parse(id);
        long memberId = GroupIds.parseSubGroup(subGroupId);
        members.remove(groupId, memberId);
        return Envelope.ok(null, "Sub group deleted successfully");
    }

    @GET
    @Path("{id}/parent-aggregate-groups")
    public Response parents(@PathParam("id") String id) {
        long groupId = GroupIds.parse(id);
        JsonArrayBuilder items = Json.createArrayBuilder();
        members.parents(groupId).forEach(p -> items.add(json.parent(p)));
        return Envelope.ok(items.build());
    }
}
