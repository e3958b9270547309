package io.gptload.shared.config;

import static io.gptload.testing.TestCertificates.keytool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbound TLS context: built from the recorded trust store, the server's default otherwise. */
class OutboundTlsTest {

    @TempDir
    static Path dir;
    private static Path serverStore;
    private static Path trustStore;
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void stores() throws Exception {
        serverStore = dir.resolve("server.p12");
        trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("server.crt");
        keytool("-genkeypair", "-keystore", serverStore.toString(), "-storetype", "PKCS12", "-storepass", "secret",
                "-alias", "server", "-keyalg", "EC", "-dname", "CN=upstream.test", "-ext", "san=ip:127.0.0.1",
                "-validity", "2");
        keytool("-exportcert", "-keystore", serverStore.toString(), "-storepass", "secret", "-alias", "server",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-keystore", trustStore.toString(), "-storetype", "PKCS12",
                "-storepass", "trust-pw", "-alias", "ca", "-file", cert.toString());
    }

    private void listen() {
        Logger.getLogger(OutboundTls.class.getName()).addHandler(capture);
    }

    @AfterEach
    void unlisten() {
        Logger.getLogger(OutboundTls.class.getName()).removeHandler(capture);
    }

    /** Handshakes with a TLS server presenting the self-signed certificate. */
    private static void handshake(SSLContext client) throws Exception {
        handshake(client, false);
    }

    /** Handshakes; with {@code clientAuth} the server wants a client certificate it trusts (its own). */
    private static void handshake(SSLContext client, boolean clientAuth) throws Exception {
        SSLContext server = TestCertificates.serverContext(serverStore, "secret");
        try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
            ss.setNeedClientAuth(clientAuth);
            Thread accept = Thread.ofVirtual().start(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.startHandshake();
                    s.getOutputStream().write(1); // TLS 1.3: a refused client certificate shows on the first read
                } catch (IOException e) {
                    // the client refused the certificate
                }
            });
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", ss.getLocalPort())) {
                s.setSoTimeout(10_000);
                s.startHandshake();
                if (s.getInputStream().read() != 1) {
                    throw new javax.net.ssl.SSLException("the server closed the connection");
                }
            } finally {
                accept.join(10_000);
            }
        }
    }

    @Test
    void withoutARecordedStoreTheServersDefaultApplies() throws Exception {
        assertSame(SSLContext.getDefault(), OutboundTls.read(Map.<String, String>of()::get).context());
    }

    @Test
    void theRecordedStoreIsWhatCertificatesAreCheckedAgainst() throws Exception {
        listen();
        SSLContext ctx = OutboundTls.read(Map.of(OutboundTls.STORE, trustStore.toString(),
                OutboundTls.PASSWORD, "trust-pw")::get).context();

        handshake(ctx);
        assertThrows(SSLHandshakeException.class, () -> handshake(SSLContext.getDefault()),
                "the JDK's roots do not include the self-signed certificate");
        assertTrue(logged.stream().anyMatch(r -> r.getMessage().equals(
                "Outbound TLS (upstreams, Redis) trusts the 1 entries of " + trustStore)),
                "the start names the store");
    }

    @Test
    void aStoreOfAGivenTypeLoadsAndTheJdksOwnLoadsWithoutPassword() throws Exception {
        handshake(OutboundTls.read(Map.of(OutboundTls.STORE, trustStore.toString(), OutboundTls.TYPE, "PKCS12",
                OutboundTls.PASSWORD, "trust-pw")::get).context());

        listen();
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        OutboundTls.read(Map.of(OutboundTls.STORE, cacerts.toString())::get);
        String line = logged.get(0).getMessage();
        assertTrue(line.matches("Outbound TLS \\(upstreams, Redis\\) trusts the \\d{3} entries of .*cacerts"), line);
    }

    @Test
    void aJksStoreIsToldByItsContent() throws Exception {
        Path jks = dir.resolve("trust.jks");
        keytool("-importkeystore", "-srckeystore", trustStore.toString(), "-srcstorepass", "trust-pw",
                "-destkeystore", jks.toString(), "-deststoretype", "JKS", "-deststorepass", "jks-pw");

        handshake(OutboundTls.read(Map.of(OutboundTls.STORE, jks.toString(), OutboundTls.PASSWORD, "jks-pw")::get)
                .context());
    }

    @Test
    void aKeyStoreGivesTheClientCertificateAServerAsksFor() throws Exception {
        SSLContext withKey = OutboundTls.read(Map.of(OutboundTls.STORE, trustStore.toString(),
                OutboundTls.PASSWORD, "trust-pw", OutboundTls.KEY_STORE, serverStore.toString(),
                OutboundTls.KEY_PASSWORD, "secret")::get).context();
        SSLContext withoutKey = OutboundTls.read(Map.of(OutboundTls.STORE, trustStore.toString(),
                OutboundTls.PASSWORD, "trust-pw")::get).context();

        handshake(withKey, true);
        assertThrows(javax.net.ssl.SSLException.class, () -> handshake(withoutKey, true),
                "no client certificate, no connection");
    }

    @Test
    void aTokenOfAnUnknownTypeFallsBackWithAWarning() throws Exception {
        listen();
        assertSame(SSLContext.getDefault(), OutboundTls.read(Map.of(OutboundTls.STORE, "NONE",
                OutboundTls.TYPE, "NO-SUCH-TYPE")::get).context());
        assertTrue(logged.get(0).getMessage().startsWith("Outbound TLS: the store NONE cannot be used (KeyStoreException"),
                logged.get(0).getMessage());
    }

    @Test
    void anUnusableStoreFallsBackToTheDefaultWithAWarningThatShowsNoPassword() throws Exception {
        listen();
        assertSame(SSLContext.getDefault(), OutboundTls.read(Map.of(OutboundTls.STORE,
                dir.resolve("missing.p12").toString())::get).context());
        assertSame(SSLContext.getDefault(), OutboundTls.read(Map.of(OutboundTls.STORE, trustStore.toString(),
                OutboundTls.TYPE, "PKCS12", OutboundTls.PASSWORD, "wrong-secret-pw")::get).context());
        assertSame(SSLContext.getDefault(), OutboundTls.read(Map.of(OutboundTls.STORE, trustStore.toString())::get).context(),
                "its certificates are protected by the password it was not given");

        assertEquals(3, logged.size(), logged.toString());
        assertTrue(logged.get(2).getMessage().contains("holds no trusted certificate"),
                logged.get(2).getMessage());
        for (LogRecord r : logged) {
            assertEquals(java.util.logging.Level.WARNING, r.getLevel());
            assertTrue(r.getMessage().startsWith("Outbound TLS: the store "), r.getMessage());
            assertFalse(r.getMessage().contains("wrong-secret-pw"), r.getMessage());
        }
    }
}
