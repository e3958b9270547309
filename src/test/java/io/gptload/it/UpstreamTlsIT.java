package io.gptload.it;

import static io.gptload.testing.TestCertificates.keytool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.testing.TestCertificates;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upstream TLS is checked against the trust store the JVM was started with: one given with
 * {@code -Djavax.net.ssl.trustStore} (here through {@code JAVA_TOOL_OPTIONS}, as a container
 * would pass it), else the JDK's own. Payara Micro swaps the JVM's trust store for its bundled
 * one while it boots; before the launcher kept the original, a store given this way was ignored.
 * The upstream is a fake behind TLS with a self-signed certificate for 127.0.0.1.
 */
@ExtendWith(SharedGateway.class)
class UpstreamTlsIT {

    private static final String BODY = "{\"model\":\"gpt-x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String ANSWER = "{\"id\":\"chatcmpl-tls\",\"object\":\"chat.completion\",\"choices\":[]}";

    private static FakeUpstream tlsUpstream;
    private static Gateway gateway;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "upstream-tls-").toAbsolutePath();
        Path serverStore = dir.resolve("upstream.p12");
        Path cert = dir.resolve("upstream.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-keystore", serverStore.toString(), "-storetype", "PKCS12", "-storepass", "secret",
                "-alias", "upstream", "-keyalg", "EC", "-dname", "CN=upstream.test",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2");
        keytool("-exportcert", "-keystore", serverStore.toString(), "-storepass", "secret", "-alias", "upstream",
                "-file", cert.toString());
        // a trust store readable without a password, as the README recommends (JAVA_TOOL_OPTIONS is echoed)
        keytool("-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE", "-J-Dkeystore.pkcs12.macAlgorithm=NONE",
                "-importcert", "-noprompt", "-keystore", trustStore.toString(), "-storetype", "PKCS12",
                "-storepass", "unused", "-alias", "upstream-ca", "-file", cert.toString());
        tlsUpstream = FakeUpstream.startTls(TestCertificates.serverContext(serverStore, "secret"));
        gateway = Gateway.start("upstream-tls", Map.of("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + trustStore));
        api = new Api(gateway);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (tlsUpstream != null) {
            tlsUpstream.close();
        }
    }

    /** A group on the TLS upstream with one key; returns its id. */
    private static long group(Api on, String name, String key) {
        long id = Fixtures.group(on, name, "openai", tlsUpstream.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":0}");
        Fixtures.keys(on, id, key);
        return id;
    }

    @Test
    void aProxiedRequestReachesAnUpstreamWhoseCertificateIsInTheGivenTrustStore() throws Exception {
        String key = "sk-tls-" + Fixtures.unique("k");
        tlsUpstream.on(key, FakeUpstream.json(200, ANSWER));
        String name = Fixtures.unique("tls");
        group(api, name, key);

        HttpResponse<String> r = Fixtures.post(gateway, "/proxy/" + name + "/v1/chat/completions", "pk-" + name, BODY);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(ANSWER, r.body());
        assertEquals(1, tlsUpstream.requests(key).size());
        assertEquals(BODY, tlsUpstream.requests(key).get(0).bodyText());
        assertTrue(Files.readString(gateway.log()).contains("Outbound TLS (upstreams, Redis) trusts the 1 entries of "),
                "the start names the store it uses");
    }

    @Test
    void keyValidationTrustsTheSameStore() {
        String key = "sk-tls-check-" + Fixtures.unique("k");
        long id = group(api, Fixtures.unique("tls"), key);

        Api.Resp r = api.post("/api/keys/test-multiple", "{\"group_id\":" + id + ",\"keys_text\":\"" + key + "\"}");

        assertEquals(200, r.status(), r.body());
        JsonObject result = r.data().getJsonArray("results").getJsonObject(0);
        assertTrue(result.getBoolean("is_valid"), result.toString());
        assertFalse(tlsUpstream.requests(key).isEmpty(), "the check reached the upstream");
    }

    @Test
    void withoutThatStoreTheSelfSignedUpstreamIsRefused(Api shared) throws Exception {
        String key = "sk-tls-refused-" + Fixtures.unique("k");
        tlsUpstream.on(key, FakeUpstream.json(200, ANSWER));
        String name = Fixtures.unique("tls");
        group(shared, name, key);

        HttpResponse<String> r = Fixtures.post(shared.gateway(), "/proxy/" + name + "/v1/chat/completions",
                "pk-" + name, BODY);

        assertEquals(502, r.statusCode(), r.body());
        assertEquals("UPSTREAM_ERROR", Api.parse(r.body()).getString("code"),
                r.body());
        assertFalse(r.body().contains(key), r.body());
        assertTrue(tlsUpstream.requests(key).isEmpty(), "no request crossed the failed handshake");

        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"); // the gateway's JDK
        KeyStore jdk = KeyStore.getInstance(cacerts.toFile(), (char[]) null);
        assertTrue(Files.readString(shared.gateway().log()).contains("Outbound TLS (upstreams, Redis) trusts the " + jdk.size()
                + " entries of " + cacerts), "given no store, the JDK's own roots are used, not Payara Micro's");
    }
}
