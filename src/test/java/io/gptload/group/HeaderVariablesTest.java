package io.gptload.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderVariablesTest {

    private final HeaderVariables vars = new HeaderVariables("127.0.0.1", "grp", "sk-abc", 1_234_567L);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain|plain",
        "${CLIENT_IP}|127.0.0.1",
        "${GROUP_NAME}|grp",
        "${API_KEY}|sk-abc",
        "${TIMESTAMP_MS}|1234567",
        "${TIMESTAMP_S}|1234",
        "ip=${CLIENT_IP};ip2=${CLIENT_IP}|ip=127.0.0.1;ip2=127.0.0.1",
        "${UNKNOWN}|${UNKNOWN}",
        "${client_ip}|${client_ip}",
        "${CLIENT_IP|${CLIENT_IP",
        "$${CLIENT_IP}}|$127.0.0.1}",
        "${${CLIENT_IP}}|${127.0.0.1}",
        "${}|${}",
        "${X ${GROUP_NAME}|${X grp"
    })
    void substitutesOnlyKnownVariables(String template, String expected) {
        assertEquals(expected, vars.substitute(template));
    }

    @Test
    void substitutedValuesAreNotExpandedAgain() {
        HeaderVariables tricky = new HeaderVariables("${GROUP_NAME}", "grp", "k", 0);
        assertEquals("${GROUP_NAME}-grp", tricky.substitute("${CLIENT_IP}-${GROUP_NAME}"));
    }

    @Test
    void toStringHidesTheKey() {
        assertFalse(vars.toString().contains("sk-abc"));
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new HeaderVariables(null, "g", "k", 0));
        assertThrows(NullPointerException.class, () -> new HeaderVariables("ip", null, "k", 0));
        assertThrows(NullPointerException.class, () -> new HeaderVariables("ip", "g", null, 0));
    }
}
