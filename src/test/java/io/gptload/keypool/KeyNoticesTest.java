package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gptload.cluster.Broadcast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A change of a group's keys is announced to the cluster and makes the invalid-key counts count again. */
class KeyNoticesTest {

    @Test
    void aChangeIsPublishedAndTheInvalidCountsAreCountedAgain() {
        List<String> published = new ArrayList<>();
        Broadcast broadcast = new Broadcast() {
            @Override
            public void publish(String channel, String payload) {
                published.add(channel + " " + payload);
            }

            @Override
            public void subscribe(String channel, Consumer<String> listener) {
            }

            @Override
            public void onResync(Runnable task) {
            }

            @Override
            public void start() {
            }

            @Override
            public boolean clustered() {
                return false;
            }
        };
        AtomicReference<Map<Long, Long>> db = new AtomicReference<>(Map.of(4L, 2L));
        InvalidKeyCounts counts = new InvalidKeyCounts(db::get, () -> 0L);
        KeyNotices notices = new KeyNotices(broadcast);
        notices.setInvalidKeys(counts);
        assertEquals(Map.of(4L, 2L), counts.all());

        db.set(Map.of()); // the group's invalid keys were deleted
        notices.changed(4);
        assertEquals(Map.of(), counts.all(), "not the cached count of 15 s ago");
        assertEquals(List.of(Broadcast.KEYS + " 4"), published);
    }
}
