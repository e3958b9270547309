package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running gateway (PostgreSQL behind a relay the test cuts): the
 * proxy keeps serving from memory, its request logs wait in the bounded buffer, the management API
 * answers 503 with a clear message in gpt-load's envelope; once the database is back the API
 * works again and the logs of the outage are written. Skipped without PostgreSQL.
 */
class DatabaseOutageIT {

    private static int chat(Gateway gw, String group, String proxyKey) {
        try {
            HttpResponse<String> r = Fixtures.post(gw, "/proxy/" + group + "/v1/chat/completions", proxyKey,
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            return r.statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void theProxyServesOnAndTheApiSaysTheDatabaseIsAway() throws Exception {
        Assumptions.assumeTrue(ScratchDatabase.reachable(ScratchDatabase.Backend.POSTGRESQL),
                "PostgreSQL on 127.0.0.1 is unreachable, skipping the database outage test");
        FakeUpstream up = FakeUpstream.start();
        try (ScratchDatabase db = ScratchDatabase.create(ScratchDatabase.Backend.POSTGRESQL);
             TcpRelay relay = new TcpRelay(5432);
             Gateway gw = Gateway.start("db-outage", db.postgresEnvVia(relay.port()), db.workDir())) {
            Api api = new Api(gw);
            String name = Fixtures.unique("dbo");
            long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
            Fixtures.keys(api, id, Secrets.remember("sk-dbo-1-" + name), Secrets.remember("sk-dbo-2-" + name));
            assertEquals(200, chat(gw, name, "pk-" + name));

            relay.cut();
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertEquals(200, chat(gw, name, "pk-" + name), "the proxy must serve without its database");
            }
            System.out.println("[DatabaseOutageIT] 20 proxied requests without the database in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
            long a0 = System.nanoTime();
            Api.Resp groups = api.get("/api/groups");
            long apiMs = (System.nanoTime() - a0) / 1_000_000;
            System.out.println("[DatabaseOutageIT] /api/groups without the database: " + groups.status() + " in "
                    + apiMs + " ms: " + groups.body());
            assertEquals(503, groups.status(), groups.body());
            assertEquals("DATABASE_UNAVAILABLE", groups.obj().getString("code"), groups.body());
            assertTrue(groups.obj().getString("message").toLowerCase().contains("database"), groups.body());
            assertTrue(gw.isAlive());

            relay.restore();
            long back = System.nanoTime();
            while (api.get("/api/groups").status() != 200) {
                assertTrue(System.nanoTime() - back < TimeUnit.SECONDS.toNanos(30), "the API did not come back");
                Thread.sleep(200);
            }
            System.out.println("[DatabaseOutageIT] the API answered again " + (System.nanoTime() - back) / 1_000_000
                    + " ms after the database came back");
            long logged = 0;
            while (System.nanoTime() - back < TimeUnit.SECONDS.toNanos(30) && (logged = count(db, name)) < 21) {
                Thread.sleep(500);
            }
            assertEquals(21, logged, "the logs of the requests made during the outage are written");
        } finally {
            up.close();
        }
    }

    private static long count(ScratchDatabase db, String group) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM request_logs WHERE group_name = '" + group + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }
}
