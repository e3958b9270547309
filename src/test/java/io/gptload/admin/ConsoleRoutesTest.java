package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gptload.admin.ConsoleRoutes.Decision;
import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {

    @Test
    void anonymousCallersAreSentToTheLoginPageFromEveryPage() {
        for (String page : new String[] {"/dashboard.xhtml", "/keys.xhtml", "/logs.xhtml", "/settings.xhtml",
                "/nope.xhtml", "/"}) {
            assertEquals(Decision.TO_LOGIN, ConsoleRoutes.decide(page, false, "GET"), page);
            assertEquals(Decision.TO_LOGIN, ConsoleRoutes.decide(page, false, "POST"), page);
        }
    }

    @Test
    void theLoginPageIsOpenToAnonymousCallers() {
        assertEquals(Decision.PASS, ConsoleRoutes.decide("/login.xhtml", false, "GET"));
        assertEquals(Decision.PASS, ConsoleRoutes.decide("/login.xhtml", false, "POST"));
    }

    @Test
    void aLoggedInOperatorOpeningTheLoginPageGoesToTheDashboardButMayStillPostThere() {
        assertEquals(Decision.TO_DASHBOARD, ConsoleRoutes.decide("/login.xhtml", true, "GET"));
        assertEquals(Decision.PASS, ConsoleRoutes.decide("/login.xhtml", true, "POST"));
    }

    @Test
    void facesResourcesAlwaysPass() {
        assertEquals(Decision.PASS,
                ConsoleRoutes.decide("/jakarta.faces.resource/theme.css.xhtml", false, "GET"));
        assertEquals(Decision.PASS, ConsoleRoutes.decide("/jakarta.faces.resource/core.js.xhtml", true, "GET"));
    }

    @Test
    void lookalikesOfTheLoginPageAndResourcesAreProtected() {
        assertEquals(Decision.TO_LOGIN, ConsoleRoutes.decide("/login.xhtml/../dashboard.xhtml", false, "GET"));
        assertEquals(Decision.TO_LOGIN, ConsoleRoutes.decide("/x/login.xhtml", false, "GET"));
        assertEquals(Decision.TO_LOGIN, ConsoleRoutes.decide("/jakarta.faces.resourcex/a.xhtml", false, "GET"));
    }

    @Test
    void theRootAlwaysRedirectsSoTheAddressBarNamesThePage() {
        assertEquals(Decision.TO_DASHBOARD, ConsoleRoutes.decide("/", true, "GET"));
        assertEquals(Decision.TO_LOGIN, ConsoleRoutes.decide("/", false, "GET"));
    }

    @Test
    void loggedInOperatorsPass() {
        assertEquals(Decision.PASS, ConsoleRoutes.decide("/dashboard.xhtml", true, "GET"));
        assertEquals(Decision.PASS, ConsoleRoutes.decide("/settings.xhtml", true, "POST"));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> ConsoleRoutes.decide(null, false, "GET"));
        assertThrows(NullPointerException.class, () -> ConsoleRoutes.decide("/", false, null));
    }
}
