package io.gptload.group;

import static io.gptload.group.TestJson.object;
import static io.gptload.group.TestJson.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AggregateMembersTest {

    @Test
    void weightIsAnIntegerFromZeroToThousand() {
        assertEquals(0, AggregateMembers.weightFrom(object("{\"weight\":0}")));
        assertEquals(1000, AggregateMembers.weightFrom(object("{\"weight\":1000}")));
        assertEquals(7, AggregateMembers.weightFrom(object("{\"weight\":7}")));
        assertEquals(0, AggregateMembers.weightFrom(object("{}")));
        assertEquals(0, AggregateMembers.weightFrom(object("{\"weight\":null}")));
    }

    @Test
    void rejectsWeightsOutsideTheRange() {
        for (String bad : new String[]{"-1", "1001", "1.5", "\"5\"", "true", "99999999999999999999"}) {
            rejects(() -> AggregateMembers.weightFrom(object("{\"weight\":" + bad + "}")), "weight",
                    "weight must be between 0 and 1000");
        }
    }
}
