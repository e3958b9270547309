package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the launcher keeps for outbound TLS before Payara Micro replaces the JVM's trust store. */
class OutboundTrustStoreTest {

    private static final List<String> PROPERTIES = List.of("javax.net.ssl.trustStore",
            "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType", OutboundTrustStore.STORE,
            OutboundTrustStore.PASSWORD, OutboundTrustStore.TYPE);
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void save() {
        for (String p : PROPERTIES) {
            saved.put(p, System.getProperty(p));
            System.clearProperty(p);
        }
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void itRecordsWhatTheGatewayReads() {
        assertEquals(io.gptload.shared.config.OutboundTls.STORE, OutboundTrustStore.STORE);
        assertEquals(io.gptload.shared.config.OutboundTls.PASSWORD, OutboundTrustStore.PASSWORD);
        assertEquals(io.gptload.shared.config.OutboundTls.TYPE, OutboundTrustStore.TYPE);
    }

    @Test
    void withNothingGivenTheJdksOwnStoreIsKept() {
        OutboundTrustStore.keep();

        Path security = Path.of(System.getProperty("java.home"), "lib", "security");
        Path expected = Files.isRegularFile(security.resolve("jssecacerts"))
                ? security.resolve("jssecacerts") : security.resolve("cacerts");
        assertEquals(expected.toString(), System.getProperty(OutboundTrustStore.STORE));
        assertNull(System.getProperty(OutboundTrustStore.PASSWORD));
    }

    @Test
    void aStoreGivenToTheJvmIsKeptWithItsPasswordAndType() {
        System.setProperty("javax.net.ssl.trustStore", "/etc/corp/trust.jks");
        System.setProperty("javax.net.ssl.trustStorePassword", "pw");
        System.setProperty("javax.net.ssl.trustStoreType", "JKS");

        OutboundTrustStore.keep();
        System.setProperty("javax.net.ssl.trustStore", "/tmp/payaramicro-rt/config/cacerts.p12"); // Payara's boot
        OutboundTrustStore.keep(); // a second call keeps the first

        assertEquals("/etc/corp/trust.jks", System.getProperty(OutboundTrustStore.STORE));
        assertEquals("pw", System.getProperty(OutboundTrustStore.PASSWORD));
        assertEquals("JKS", System.getProperty(OutboundTrustStore.TYPE));
    }

    @Test
    void aStoreRecordedOnTheCommandLineWins() {
        System.setProperty(OutboundTrustStore.STORE, "/etc/upstream.p12");
        System.setProperty("javax.net.ssl.trustStore", "/etc/other.p12");

        OutboundTrustStore.keep();

        assertEquals("/etc/upstream.p12", System.getProperty(OutboundTrustStore.STORE));
    }

    @Test
    void aPkcs11TokenIsLeftToTheJdksDefault() {
        System.setProperty("javax.net.ssl.trustStore", "NONE");

        OutboundTrustStore.keep();

        assertNull(System.getProperty(OutboundTrustStore.STORE));
    }
}
