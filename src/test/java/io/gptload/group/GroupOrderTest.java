package io.gptload.group;

import static io.gptload.group.TestJson.object;
import static io.gptload.group.TestJson.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupOrderTest {

    @Test
    void readsItemsInOrderWithMissingSortAsZero() {
        assertEquals(List.of(new GroupOrder(3, 10), new GroupOrder(1, 0), new GroupOrder(2, 0)),
                GroupOrder.listFrom(object("{\"items\":[{\"id\":3,\"sort\":10},{\"id\":1,\"sort\":0},{\"id\":2}]}")));
    }

    @Test
    void rejectsEmptyOrMissingItems() {
        rejects(() -> GroupOrder.listFrom(object("{}")), "items", "items must contain at least one group");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":null}")), "items", "items must contain at least one group");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[]}")), "items", "items must contain at least one group");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":{\"id\":1}}")), "items", "items must be a JSON array");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[1]}")), "items[0]", "items[0] must be a JSON object");
    }

    @Test
    void rejectsBadIds() {
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"id\":0,\"sort\":1}]}")), "items[0].id",
                "items[0].id must be a positive group id");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"sort\":1}]}")), "items[0].id",
                "items[0].id must be a positive group id");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"id\":1},{\"id\":-2}]}")), "items[1].id",
                "items[1].id must be a positive group id");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"id\":\"1\"}]}")), "items[0].id",
                "items[0].id must be a positive group id");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"id\":1.5}]}")), "items[0].id",
                "items[0].id must be a positive group id");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"id\":99999999999999999999}]}")), "items[0].id",
                "items[0].id must be a positive group id");
    }

    @Test
    void rejectsBadSorts() {
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"id\":1,\"sort\":-1}]}")), "items[0].sort",
                "items[0].sort must not be negative");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"id\":1,\"sort\":\"2\"}]}")), "items[0].sort",
                "items[0].sort must be an integer");
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"id\":1,\"sort\":2147483648}]}")), "items[0].sort",
                "items[0].sort must be at most 2147483647");
    }

    @Test
    void rejectsDuplicateIds() {
        rejects(() -> GroupOrder.listFrom(object("{\"items\":[{\"id\":4,\"sort\":1},{\"id\":5},{\"id\":4,\"sort\":2}]}")),
                "items[2].id", "items[2].id: group 4 is listed more than once");
    }

    @Test
    void constructorGuards() {
        assertThrows(IllegalArgumentException.class, () -> new GroupOrder(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GroupOrder(1, -1));
    }

    @Test
    void movingAGroupUpRenumbersEveryGroupInTheNewOrder() {
        assertEquals(List.of(new GroupOrder(7, 0), new GroupOrder(5, 10), new GroupOrder(9, 20)),
                GroupOrder.afterMove(List.of(5L, 7L, 9L), 7, -1));
    }

    @Test
    void movingPastAnEndStopsThere() {
        assertEquals(List.of(new GroupOrder(5, 0), new GroupOrder(7, 10), new GroupOrder(9, 20)),
                GroupOrder.afterMove(List.of(5L, 7L, 9L), 5, -3));
        assertEquals(List.of(new GroupOrder(7, 0), new GroupOrder(9, 10), new GroupOrder(5, 20)),
                GroupOrder.afterMove(List.of(5L, 7L, 9L), 5, 10));
    }

    @Test
    void anUnknownGroupChangesNothing() {
        assertEquals(List.of(), GroupOrder.afterMove(List.of(5L, 7L), 8, 1));
    }
}
