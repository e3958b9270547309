package io.gptload.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.channel.ChannelType;
import io.gptload.group.GroupDefinition;
import io.gptload.settings.GroupConfigOverrides;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityWarningsTest {

    private static final String STRONG = "Xq7#mR2vL9pW4zK8nB3cF6hJ1tY5uE0s"; // 32 bytes, four classes, no pattern

    private static List<String> severities(List<SecurityWarning> w) {
        return w.stream().map(SecurityWarning::severity).toList();
    }

    @Test
    void aStrongSecretHasNoWarning() {
        assertEquals(List.of(), SecurityWarnings.checkSecret(STRONG, "AUTH_KEY"));
    }

    @Test
    void lengthBelowSixteenIsHighBelowThirtyTwoMedium() {
        List<SecurityWarning> shortOne = SecurityWarnings.checkSecret("Xq7#mR2vL9", "AUTH_KEY");
        assertEquals(List.of("high"), severities(shortOne));
        assertEquals("AUTH_KEY is too short (10 characters), recommend at least 16 characters", shortOne.get(0).message());
        List<SecurityWarning> medium = SecurityWarnings.checkSecret(STRONG.substring(0, 16), "AUTH_KEY");
        assertEquals(List.of("medium"), severities(medium));
        assertEquals("AUTH_KEY is short (16 characters), recommend 32+ characters", medium.get(0).message());
        assertEquals(List.of("medium"), severities(SecurityWarnings.checkSecret(STRONG.substring(0, 31), "k")));
        assertEquals(List.of(), SecurityWarnings.checkSecret(STRONG.substring(0, 32), "k"));
    }

    @Test
    void lengthCountsUtf8BytesAsGptLoadDoes() {
        assertEquals(List.of(), SecurityWarnings.checkSecret(STRONG.substring(0, 30) + "é", "k"), "31 characters, 32 bytes");
        assertTrue(SecurityWarnings.checkSecret(STRONG.substring(0, 30) + "é", "k").isEmpty());
        assertEquals("k is short (17 characters), recommend 32+ characters",
                SecurityWarnings.checkSecret(STRONG.substring(0, 15) + "é", "k").get(0).message());
    }

    @Test
    void theFirstWeakPatternIsReportedOnce() {
        List<SecurityWarning> w = SecurityWarnings.checkSecret("Xq7#mR2vL9pW4zK8nB3cF6hJ1tYADMINpassword", "Global Proxy Key #1");
        assertEquals(1, w.size());
        assertEquals("high", w.get(0).severity());
        assertEquals("Global Proxy Key #1 contains common weak password patterns: password", w.get(0).message());
        assertEquals("Global Proxy Key #1", w.get(0).type());
    }

    @Test
    void fewerThanThreeClassesIsMediumOnlyFromSixteenBytes() {
        List<SecurityWarning> w = SecurityWarnings.checkSecret("xqzmrvlpwzknbcfhjtyuesxqzmrvlpwz", "k");
        assertEquals(List.of("medium"), severities(w));
        assertTrue(w.get(0).message().contains("low complexity"));
        assertEquals(List.of("high"), severities(SecurityWarnings.checkSecret("xqzmrv", "k")), "short: length only");
        assertEquals(3, SecurityWarnings.characterClasses("aB1"));
        assertEquals(4, SecurityWarnings.characterClasses("aB1é"));
        assertEquals(1, SecurityWarnings.characterClasses("ÄÖÜ"));
    }

    @Test
    void everySecretIsCheckedAndNamedButNeverShown() {
        GroupDefinition g = new GroupDefinition(7, "team-a", "", "", false, List.of(), ChannelType.OPENAI, 0, "m", "",
                Map.of(), Map.of(), false, GroupConfigOverrides.empty(), List.of(), STRONG + ", sk-test1", null, null, null);
        List<SecurityWarning> w = SecurityWarnings.check("sk-admin-1", "", List.of(STRONG, " qqqq "), List.of(g));
        List<String> types = w.stream().map(SecurityWarning::type).toList();
        assertEquals(List.of("AUTH_KEY", "AUTH_KEY", "ENCRYPTION_KEY", "Global Proxy Key #2",
                "Group Proxy Key [team-a] #2", "Group Proxy Key [team-a] #2"), types);
        assertEquals("ENCRYPTION_KEY is not set, sensitive data will be stored in plain text", w.get(2).message());
        for (SecurityWarning s : w) {
            assertFalse(s.message().contains("sk-admin-1") || s.message().contains("qqqq") || s.message().contains("sk-test1"),
                    s.message());
        }
    }

    @Test
    void aMissingAuthKeyIsHigh() {
        List<SecurityWarning> w = SecurityWarnings.check("", STRONG, List.of(), List.of());
        assertEquals(1, w.size());
        assertEquals("AUTH_KEY", w.get(0).type());
        assertEquals("high", w.get(0).severity());
    }
}
