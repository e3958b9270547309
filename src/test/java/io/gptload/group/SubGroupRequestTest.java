package io.gptload.group;

import static io.gptload.group.TestJson.object;
import static io.gptload.group.TestJson.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubGroupRequestTest {

    @Test
    void readsList() {
        assertEquals(List.of(new SubGroupRequest(2, 10), new SubGroupRequest(3, 0), new SubGroupRequest(4, 1000)),
                SubGroupRequest.listFrom(object("""
                        {"sub_groups":[{"group_id":2,"weight":10},{"group_id":3},{"group_id":4,"weight":1000}]}""")));
    }

    @Test
    void rejectsBadInput() {
        rejects(() -> SubGroupRequest.listFrom(object("{}")), "sub_groups", "sub_groups must contain at least one sub group");
        rejects(() -> SubGroupRequest.listFrom(object("{\"sub_groups\":[]}")), "sub_groups",
                "sub_groups must contain at least one sub group");
        rejects(() -> SubGroupRequest.listFrom(object("{\"sub_groups\":{}}")), "sub_groups", "sub_groups must be a JSON array");
        rejects(() -> SubGroupRequest.listFrom(object("{\"sub_groups\":[{\"group_id\":0,\"weight\":1}]}")),
                "sub_groups[0].group_id", "sub_groups[0].group_id must be a positive group id");
        rejects(() -> SubGroupRequest.listFrom(object("{\"sub_groups\":[{\"weight\":1}]}")),
                "sub_groups[0].group_id", "sub_groups[0].group_id must be a positive group id");
        rejects(() -> SubGroupRequest.listFrom(object("{\"sub_groups\":[{\"group_id\":1},{\"group_id\":2,\"weight\":1001}]}")),
                "sub_groups[1].weight", "sub_groups[1].weight must be between 0 and 1000");
        rejects(() -> SubGroupRequest.listFrom(object("{\"sub_groups\":[{\"group_id\":1,\"weight\":-1}]}")),
                "sub_groups[0].weight", "sub_groups[0].weight must be between 0 and 1000");
        rejects(() -> SubGroupRequest.listFrom(object("{\"sub_groups\":[{\"group_id\":1,\"weight\":1.5}]}")),
                "sub_groups[0].weight", "sub_groups[0].weight must be between 0 and 1000");
        rejects(() -> SubGroupRequest.listFrom(object("{\"sub_groups\":[5]}")), "sub_groups[0]",
                "sub_groups[0] must be a JSON object");
    }

    @Test
    void recordGuardsItsInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new SubGroupRequest(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SubGroupRequest(1, 1001));
    }
}
