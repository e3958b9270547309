package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gptload.channel.ChannelType;
import io.gptload.group.GroupDefinition;
import io.gptload.settings.GroupConfigOverrides;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's groups with invalid keys: which, how labelled, in what order. */
class GroupAttentionTest {

    private static GroupDefinition group(long id, String name, String displayName, boolean aggregate) {
        return new GroupDefinition(id, name, displayName, "", aggregate, List.of(), ChannelType.OPENAI, 0, "m", "",
                Map.of(), Map.of(), false, GroupConfigOverrides.empty(), List.of(), "", null, null, null);
    }

    @Test
    void standardGroupsWithInvalidKeysMostFirstThenByName() {
        List<GroupDefinition> groups = List.of(group(1, "alpha", "", false), group(2, "beta", "Beta keys", false),
                group(3, "gamma", "", false), group(4, "mix", "", true), group(5, "delta", "", false));
        Map<Long, Long> invalid = Map.of(1L, 2L, 2L, 7L, 3L, 0L, 4L, 9L, 5L, 2L, 99L, 4L);

        assertEquals(List.of(new GroupAttention(2, "Beta keys (beta)", 7), new GroupAttention(1, "alpha", 2),
                new GroupAttention(5, "delta", 2)), GroupAttention.of(groups, invalid),
                "no zero counts, no aggregate, no deleted group");
    }

    @Test
    void noneWhenEveryKeyIsFine() {
        assertEquals(List.of(), GroupAttention.of(List.of(group(1, "alpha", "", false)), Map.of()));
    }
}
