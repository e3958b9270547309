package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gptload.group.GroupName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's groups with invalid keys: which, how labelled, in what order. */
class GroupAttentionTest {

    private static GroupName group(long id, String name, String displayName) {
        return new GroupName(id, name, displayName);
    }

    @Test
    void standardGroupsWithInvalidKeysMostFirstThenByName() {
        List<GroupName> groups = List.of(group(1, "alpha", ""), group(2, "beta", "Beta keys"),
                group(3, "gamma", ""), group(5, "delta", ""));
        Map<Long, Long> invalid = Map.of(1L, 2L, 2L, 7L, 3L, 0L, 5L, 2L, 99L, 4L);

        assertEquals(List.of(new GroupAttention(2, "Beta keys (beta)", 7), new GroupAttention(1, "alpha", 2),
                new GroupAttention(5, "delta", 2)), GroupAttention.of(groups, invalid),
                "no zero counts, no deleted group");
    }

    @Test
    void noneWhenEveryKeyIsFine() {
        assertEquals(List.of(), GroupAttention.of(List.of(group(1, "alpha", "")), Map.of()));
    }
}
