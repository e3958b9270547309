package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gptload.shared.config.OutboundTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the launcher keeps for outbound TLS before Payara Micro replaces the JVM's stores. */
class OutboundTlsStoresTest {

    private final Map<String, String> saved = new HashMap<>();

    private static List<String> all() {
        List<String> names = new ArrayList<>();
        for (String p : OutboundTlsStores.PROPERTIES) {
            names.add("javax.net.ssl." + p);
            names.add(OutboundTlsStores.PREFIX + p);
        }
        return names;
    }

    @BeforeEach
    void save() {
        for (String p : all()) {
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
        List<String> read = List.of(OutboundTls.STORE, OutboundTls.PASSWORD, OutboundTls.TYPE, OutboundTls.PROVIDER,
                OutboundTls.KEY_STORE, OutboundTls.KEY_PASSWORD, OutboundTls.KEY_TYPE, OutboundTls.KEY_PROVIDER);
        assertEquals(read, OutboundTlsStores.PROPERTIES.stream().map(p -> OutboundTlsStores.PREFIX + p).toList());
    }

    @Test
    void withNothingGivenTheJdksOwnTrustStoreIsKeptAndNoKeyStore() {
        OutboundTlsStores.keep();

        Path security = Path.of(System.getProperty("java.home"), "lib", "security");
        Path expected = Files.isRegularFile(security.resolve("jssecacerts"))
                ? security.resolve("jssecacerts") : security.resolve("cacerts");
        assertEquals(expected.toString(), System.getProperty(OutboundTls.STORE));
        assertNull(System.getProperty(OutboundTls.PASSWORD));
        assertNull(System.getProperty(OutboundTls.KEY_STORE));
    }

    @Test
    void storesGivenToTheJvmAreKeptWithTheirPasswordsAndTypes() {
        System.setProperty("javax.net.ssl.trustStore", "/etc/corp/trust.jks");
        System.setProperty("javax.net.ssl.trustStorePassword", "pw");
        System.setProperty("javax.net.ssl.trustStoreType", "JKS");
        System.setProperty("javax.net.ssl.keyStore", "/etc/corp/client.p12");
        System.setProperty("javax.net.ssl.keyStorePassword", "kpw");

        OutboundTlsStores.keep();
        System.setProperty("javax.net.ssl.trustStore", "/tmp/payaramicro-rt/config/cacerts.p12"); // Payara's boot
        OutboundTlsStores.keep(); // a second call keeps the first

        assertEquals("/etc/corp/trust.jks", System.getProperty(OutboundTls.STORE));
        assertEquals("pw", System.getProperty(OutboundTls.PASSWORD));
        assertEquals("JKS", System.getProperty(OutboundTls.TYPE));
        assertEquals("/etc/corp/client.p12", System.getProperty(OutboundTls.KEY_STORE));
        assertEquals("kpw", System.getProperty(OutboundTls.KEY_PASSWORD));
    }

    @Test
    void thePasswordOfTheJdksOwnStoreIsKeptToo() {
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");

        OutboundTlsStores.keep();

        assertEquals("changeit", System.getProperty(OutboundTls.PASSWORD));
        assertEquals(Path.of(System.getProperty("java.home"), "lib", "security").toString(),
                Path.of(System.getProperty(OutboundTls.STORE)).getParent().toString());
    }

    @Test
    void aValueRecordedOnTheCommandLineWinsAndATokenIsKeptAsNone() {
        System.setProperty(OutboundTls.STORE, "/etc/upstream.p12");
        System.setProperty("javax.net.ssl.trustStore", "/etc/other.p12");
        System.setProperty("javax.net.ssl.keyStore", "NONE");
        System.setProperty("javax.net.ssl.keyStoreType", "PKCS11");

        OutboundTlsStores.keep();

        assertEquals("/etc/upstream.p12", System.getProperty(OutboundTls.STORE));
        assertEquals("NONE", System.getProperty(OutboundTls.KEY_STORE));
        assertEquals("PKCS11", System.getProperty(OutboundTls.KEY_TYPE));
    }
}
