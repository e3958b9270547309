package io.gptload.group;

import io.gptload.settings.ValidationMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One entry of {@code PUT /api/groups/reorder}: a group and its new {@code sort} value (≥ 0). */
public record GroupOrder(long id, int sort) {

    private static final String FIELD = "items";

    public GroupOrder {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive: " + id);
        }
        if (sort < 0) {
            throw new IllegalArgumentException("sort must not be negative: " + sort);
        }
    }

    /**
     * The sort values that move group {@code id} by {@code delta} places (negative: towards the
     * top) in {@code orderedIds}, the groups in their shown order: every group gets its new
     * position times 10, so the order is exact afterwards and leaves room between groups. A move
     * past either end stops there; an unknown id changes nothing (empty list).
     */
    public static List<GroupOrder> afterMove(List<Long> orderedIds, long id, int delta) {
        List<Long> ids = new ArrayList<>(orderedIds);
        int from = ids.indexOf(id);
        if (from < 0) {
            return List.of();
        }
        int to = Math.max(0, Math.min(ids.size() - 1, from + delta));
        ids.remove(from);
        ids.add(to, id);
        List<GroupOrder> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.add(new GroupOrder(ids.get(i), i * 10));
        }
        return out;
    }

    /**
     * Reads {@code {"items":[{"id":1,"sort":10}]}}: a non-empty list, every id a positive integer
     * listed once, every sort an integer ≥ 0 (missing = 0).
     *
     * @throws io.gptload.shared.ValidationException naming the field, e.g. {@code items[1].sort}
     */
    public static List<GroupOrder> listFrom(JsonObject body) {
        Objects.requireNonNull(body, "body");
        JsonValue value = body.get(FIELD);
        if (JsonFields.isNull(value) || value instanceof JsonArray a && a.isEmpty()) {
            throw GroupMessage.REORDER_ITEMS_REQUIRED.exception(FIELD);
        }
        if (!(value instanceof JsonArray array)) {
            throw ValidationMessage.NOT_ARRAY.exception(FIELD);
        }
        List<GroupOrder> list = new ArrayList<>(array.size());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String field = FIELD + "[" + i + "]";
            JsonObject item = JsonFields.object(array.get(i), field);
            if (!(item.get("id") instanceof JsonNumber id) || !id.isIntegral() || id.bigIntegerValue().signum() <= 0
                    || id.bigIntegerValue().bitLength() > 63) {
                throw GroupMessage.INVALID_GROUP_ID.exception(field + ".id");
            }
            int sort = sort(item.get("sort"), field + ".sort");
            if (!seen.add(id.longValue())) {
                throw GroupMessage.REORDER_DUPLICATE.exception(field + ".id", id.longValue());
            }
            list.add(new GroupOrder(id.longValue(), sort));
        }
        return List.copyOf(list);
    }

    private static int sort(JsonValue value, String field) {
        if (JsonFields.isNull(value)) {
            return 0;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
            throw ValidationMessage.NOT_INTEGER.exception(field);
        }
        BigInteger big = n.bigIntegerValue();
        if (big.signum() < 0) {
            throw GroupMessage.SORT_NEGATIVE.exception(field);
        }
        if (big.bitLength() > 31) {
            throw ValidationMessage.ABOVE_MAX.exception(field, Integer.MAX_VALUE);
        }
        return big.intValue();
    }
}
