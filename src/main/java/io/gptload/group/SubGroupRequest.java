package io.gptload.group;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One entry of {@code POST /api/groups/{id}/sub-groups}: a standard group to add and its weight (0–1000). */
public record SubGroupRequest(long groupId, int weight) {

    private static final String FIELD = "sub_groups";
    static final int MAX_WEIGHT = 1000;

    public SubGroupRequest {
        if (groupId <= 0) {
            throw new IllegalArgumentException("groupId must be positive: " + groupId);
        }
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be 0..1000: " + weight);
        }
    }

    /**
     * Reads {@code {"sub_groups":[{"group_id":2,"weight":10}]}}: the list must not be empty, every
     * {@code group_id} a positive integer, every weight an integer 0–1000 (missing = 0).
     *
     * @throws io.gptload.shared.ValidationException naming the field, e.g. {@code sub_groups[1].weight}
     */
    public static List<SubGroupRequest> listFrom(JsonObject body) {
        Objects.requireNonNull(body, "body");
        JsonValue value = body.get(FIELD);
        if (JsonFields.isNull(value) || value instanceof JsonArray a && a.isEmpty()) {
            throw GroupMessage.SUB_GROUPS_REQUIRED.exception(FIELD);
        }
        if (!(value instanceof JsonArray array)) {
            throw io.gptload.settings.ValidationMessage.NOT_ARRAY.exception(FIELD);
        }
        List<SubGroupRequest> list = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String field = FIELD + "[" + i + "]";
            JsonObject item = JsonFields.object(array.get(i), field);
            if (!(item.get("group_id") instanceof JsonNumber id) || !id.isIntegral() || id.bigIntegerValue().signum() <= 0
                    || id.bigIntegerValue().bitLength() > 63) {
                throw GroupMessage.INVALID_SUB_GROUP_ID.exception(field + ".group_id");
            }
            JsonValue w = item.get("weight");
            int weight = 0;
            if (!JsonFields.isNull(w)) {
                if (!(w instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().signum() < 0
                        || n.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(MAX_WEIGHT)) > 0) {
                    throw GroupMessage.WEIGHT_RANGE.exception(field + ".weight");
                }
                weight = n.intValue();
            }
            list.add(new SubGroupRequest(id.longValue(), weight));
        }
        return List.copyOf(list);
    }
}
