package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageResultTest {

    @Test
    void totalPagesIsTheCeiling() {
        assertEquals(0, PageResult.of(List.of(), new PageRequest(1, 15), 0).totalPages());
        assertEquals(1, PageResult.of(List.of(), new PageRequest(1, 15), 15).totalPages());
        assertEquals(2, PageResult.of(List.of(), new PageRequest(1, 15), 16).totalPages());
        assertEquals(3, PageResult.of(List.of(), new PageRequest(1, 2), 5).totalPages());
    }

    @Test
    void jsonHasItemsAndThePaginationBlock() {
        PageResult<String> page = PageResult.of(List.of("a", "b"), new PageRequest(2, 2), 5);
        assertEquals("{\"items\":[{\"v\":\"a\"},{\"v\":\"b\"}],"
                        + "\"pagination\":{\"page\":2,\"page_size\":2,\"total_items\":5,\"total_pages\":3}}",
                page.toJson(s -> Json.createObjectBuilder().add("v", s).build()).toString());
        assertEquals("{\"items\":[],\"pagination\":{\"page\":1,\"page_size\":15,\"total_items\":0,\"total_pages\":0}}",
                PageResult.<String>of(List.of(), new PageRequest(1, 15), 0).toJson(s -> null).toString());
    }

    @Test
    void rejectsImpossiblePages() {
        assertThrows(IllegalArgumentException.class, () -> new PageResult<>(List.of(), 0, 15, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PageResult<>(List.of(), 1, 15, -1, 0));
        assertThrows(NullPointerException.class, () -> new PageResult<String>(null, 1, 15, 0, 0));
    }
}
