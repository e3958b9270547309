package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsAndBoundsFollowGptLoad() {
        assertEquals(new PageRequest(1, 15), PageRequest.of(null, null));
        assertEquals(new PageRequest(1, 15), PageRequest.of("0", "0"));
        assertEquals(new PageRequest(1, 15), PageRequest.of("-3", "-1"));
        assertEquals(new PageRequest(1, 15), PageRequest.of("two", "many"));
        assertEquals(new PageRequest(4, 1000), PageRequest.of("4", "5000"));
        assertEquals(1000, new PageRequest(1, 1001).pageSize());
        assertEquals(new PageRequest(2, 50), PageRequest.of("2", "50"));
    }

    @Test
    void offsetDoesNotOverflow() {
        assertEquals(45, new PageRequest(4, 15).offset());
        assertEquals((long) (Integer.MAX_VALUE - 1) * 1000, new PageRequest(Integer.MAX_VALUE, 1000).offset());
    }
}
