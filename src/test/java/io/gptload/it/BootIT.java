package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The uber-jar starts like a user starts it, and answers on its fixed paths. */
@ExtendWith(SharedGateway.class)
class BootIT {

    @Test
    void healthAnswersGptLoadJson(Api api) {
        Api.Resp r = api.send("GET", "/health", null);
        assertEquals(200, r.status());
        JsonObject o = r.obj();
        assertEquals("healthy", o.getString("status"));
        assertTrue(o.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), o.toString());
        assertTrue(o.getString("uptime").matches("[0-9hm.]+(s|ms|µs|ns)"), o.toString());
    }

    @Test
    void microProfileHealthMovedToHealthz(Api api) {
        assertEquals(200, api.get("/healthz/ready").status());
        assertEquals(200, api.get("/healthz/live").status());
    }

    @Test
    void theStartLogCarriesNoKnownContainerNoise(Api api) throws Exception {
        String log = Files.readString(api.gateway().log());
        assertTrue(log.contains("Payara Micro"), "this is the server's log");
        // web.xml's Servlet 6 cookie attribute, unknown to Payara's descriptor parser: 10 warnings
        assertFalse(log.contains("AS-DEPLOYMENT-00015"), "descriptor warnings at start");
        // the expired certificates of Payara's bundled trust store, ~380 lines (not used: OutboundTls)
        assertFalse(log.contains("NCLS-SECURITY-05054"), "certificate-expiry dump at start");
    }

    @Test
    void aTimeZoneInDotEnvIsTheOneTimesAreSentIn() throws Exception {
        // gpt-load's .env.example sets TZ=Asia/Shanghai; the JVM reads TZ from the environment only
        // a zone that is not the machine's, so that the machine's own cannot pass the test
        boolean machineIsEast8 = java.time.ZoneId.systemDefault().getRules().getOffset(java.time.Instant.now())
                .getTotalSeconds() == 8 * 3600;
        String zone = machineIsEast8 ? "America/Sao_Paulo" : "Asia/Shanghai";
        String offset = machineIsEast8 ? "-03:00" : "+08:00";
        Path dir = Files.createTempDirectory(Files.createDirectories(Gateway.logsDir()), "work-boot-tz-");
        Files.writeString(dir.resolve(".env"), "# copied from gpt-load\nTZ=" + zone + "\n");
        try (Gateway gw = Gateway.start("boot-tz", java.util.Map.of(), dir)) {
            Api api = new Api(gw);
            Api.Resp made = api.send("POST", "/api/groups", "{\"name\":\"tz-group\",\"channel_type\":\"openai\","
                    + "\"upstreams\":[{\"url\":\"http://127.0.0.1:9\",\"weight\":1}],\"test_model\":\"gpt-4o-mini\"}");
            assertEquals(200, made.status(), made.body());
            String createdAt = made.obj().getJsonObject("data").getString("created_at");
            assertTrue(createdAt.endsWith(offset), createdAt);
        }
    }

    @Test
    void refusesToStartWithoutAuthKey() throws Exception {
        Path dir = Files.createTempDirectory("gw-noauth");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar",
                Path.of(System.getProperty("gateway.jar", "target/gpt-load.jar")).toAbsolutePath().toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("AUTH_KEY");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher must exit at once");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("AUTH_KEY is not set"), out);
        assertEquals(1, out.strip().lines().count(), "one-line explanation: " + out);
    }
}
