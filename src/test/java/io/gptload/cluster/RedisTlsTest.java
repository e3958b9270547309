package io.gptload.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.config.ConfigLookup;
import io.gptload.shared.config.GatewayConfig;
import io.gptload.shared.config.OutboundTls;
import io.gptload.testing.TestCertificates;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code rediss://}: the connection trusts the outbound trust store and checks that the server's
 * certificate names the host. Against a real {@code redis-server} with TLS on a port of its own,
 * with a self-signed certificate made by openssl; skips where either is missing.
 */
class RedisTlsTest {

    @TempDir
    Path dir;
    private Process redis;
    private RedisConnection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    /** A TLS Redis whose certificate names {@code san}; returns its port and leaves trust.p12 in dir. */
    private int startRedis(String san) throws Exception {
        if (!onPath("redis-server") || !onPath("openssl")) {
            System.out.println("SKIPPED: RedisTlsTest needs redis-server and openssl");
            Assumptions.abort("redis-server or openssl missing");
        }
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=redis.test",
                "-addext", "subjectAltName=" + san);
        TestCertificates.keytool("-importcert", "-noprompt", "-keystore", dir.resolve("trust.p12").toString(),
                "-storetype", "PKCS12", "-storepass", "trust-pw", "-alias", "redis", "-file", dir.resolve("cert.pem").toString());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis = new ProcessBuilder("redis-server", "--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", "cert.pem", "--tls-key-file", "key.pem", "--tls-auth-clients", "no",
                "--save", "", "--appendonly", "no", "--bind", "127.0.0.1")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return port;
            } catch (IOException notYet) {
                if (!redis.isAlive()) {
                    Assumptions.abort("this redis-server cannot serve TLS: " + Files.readString(dir.resolve("redis.log")));
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new AssertionError("redis-server did not listen: " + Files.readString(dir.resolve("redis.log")));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The handshake failure's message, from the exception Jedis throws for the first command. */
    private static String handshakeFailure(RedisConnection c) {
        Throwable t = org.junit.jupiter.api.Assertions.assertThrows(redis.clients.jedis.exceptions.JedisException.class,
                () -> c.call(Jedis::ping));
        for (; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException) {
                return String.valueOf(t.getMessage());
            }
        }
        throw new AssertionError("not a TLS handshake failure");
    }

    private RedisConnection connect(String dsn) {
        GatewayConfig config = GatewayConfig.read(new ConfigLookup(k -> Optional.ofNullable(
                Map.of("AUTH_KEY", "a-test-auth-key", "REDIS_DSN", dsn).get(k))));
        OutboundTls tls = OutboundTls.read(Map.of(OutboundTls.STORE, dir.resolve("trust.p12").toString(),
                OutboundTls.PASSWORD, "trust-pw")::get);
        connection = new RedisConnection(config, tls);
        connection.open();
        return connection;
    }

    @Test
    void aServerWhoseCertificateIsTrustedAndNamesTheHostAnswers() throws Exception {
        int port = startRedis("IP:127.0.0.1");
        RedisConnection c = connect("rediss://127.0.0.1:" + port);

        assertTrue(c.ping(), "PING over TLS");
        assertEquals("OK", c.call(j -> j.set("gpt-load:tls-test", "1")));
        try (Jedis subscriber = c.dedicated()) {
            assertEquals("1", subscriber.get("gpt-load:tls-test"), "the dedicated connection speaks TLS too");
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        int port = startRedis("DNS:redis.test");
        RedisConnection c = connect("rediss://127.0.0.1:" + port);

        assertFalse(c.ping(), "trusted, but it does not name 127.0.0.1");
        String why = handshakeFailure(c);
        assertTrue(why.contains("No subject alternative names matching IP address 127.0.0.1"), why);
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        int port = startRedis("IP:127.0.0.1");
        GatewayConfig config = GatewayConfig.read(new ConfigLookup(k -> Optional.ofNullable(
                Map.of("AUTH_KEY", "a-test-auth-key", "REDIS_DSN", "rediss://127.0.0.1:" + port).get(k))));
        connection = new RedisConnection(config, OutboundTls.serverDefault());
        connection.open();

        assertFalse(connection.ping(), "the self-signed certificate is not among the JDK's roots");
        String why = handshakeFailure(connection);
        assertTrue(why.contains("PKIX path building failed"), why);
    }
}
