package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void carriesFieldIdArgsAndMessage() {
        List<String> args = new ArrayList<>(List.of("upstreams[1].url"));
        ValidationException e = new ValidationException("upstreams[1].url", "invalid_http_url", args, "bad url");
        args.add("changed later");
        assertEquals("upstreams[1].url", e.field());
        assertEquals("invalid_http_url", e.messageId());
        assertEquals(List.of("upstreams[1].url"), e.args());
        assertEquals("bad url", e.getMessage());
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new ValidationException(null, "id", List.of(), "m"));
        assertThrows(NullPointerException.class, () -> new ValidationException("f", null, List.of(), "m"));
        assertThrows(NullPointerException.class, () -> new ValidationException("f", "id", null, "m"));
        assertThrows(NullPointerException.class, () -> new ValidationException("f", "id", List.of(), null));
    }
}
