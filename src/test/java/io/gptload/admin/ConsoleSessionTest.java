package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSessionTest {

    private static HttpSession session(Map<String, Object> attributes) {
        return (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (p, m, args) -> m.getName().equals("getAttribute")
                        ? attributes.get((String) args[0]) : null);
    }

    @Test
    void noSessionIsNotLoggedIn() {
        assertFalse(ConsoleSession.loggedIn(null));
    }

    @Test
    void onlyTheOperatorMarkCounts() {
        assertFalse(ConsoleSession.loggedIn(session(Map.of())));
        assertFalse(ConsoleSession.loggedIn(session(Map.of(ConsoleSession.OPERATOR, "true"))));
        assertFalse(ConsoleSession.loggedIn(session(Map.of(ConsoleSession.OPERATOR, Boolean.FALSE))));
        assertFalse(ConsoleSession.loggedIn(session(Map.of("operator", Boolean.TRUE))));
        assertTrue(ConsoleSession.loggedIn(session(Map.of(ConsoleSession.OPERATOR, Boolean.TRUE))));
    }
}
