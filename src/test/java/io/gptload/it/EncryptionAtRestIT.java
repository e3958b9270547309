package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.it.ScratchDatabase.Backend;
import io.gptload.shared.KeyCipher;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Encryption at rest (spec §1 row 22, DECISIONS 16), checked where it matters: in the database
 * rows, read over JDBC. Runs on PostgreSQL, or on the H2 file when no PostgreSQL server answers.
 */
class EncryptionAtRestIT {

    private static final String ENCRYPTION_KEY = "it-encryption-secret-7c1e";
    private static final String PROXY_KEY = "pk-encryption-it";

    /*
     * A row written by an independent implementation of gpt-load's scheme (Python 'cryptography':
     * PBKDF2HMAC(SHA256, salt b"gpt-load-encryption-v1", 100000 iterations, 32 bytes) of
     * ENCRYPTION_KEY, AESGCM(key).encrypt(random 12-byte nonce, plaintext, None), stored as
     * (nonce + ciphertext_and_tag).hex(); hash = hmac.new(key, plaintext, sha256).hexdigest()).
     */
    private static final String PY_PLAINTEXT = "sk-pycompat-5d2f9e81a0";
    private static final String PY_KEY_VALUE = "bcd3af36b7a3bac502e08d9262b4fef5061260a00478142f7afe7843f40ef10"
            + "65c1c0a06ffafd4cc80a2485d501d49ea2ebf";
    private static final String PY_KEY_HASH = "79c36e6e7943d15f7a56b4f058c5917b6e4d466b17a81964c7196e773d13fcf6";

    @Test
    void keyValuesAndLogsAreStoredEncryptedAndReadableByGptLoadScheme() throws Exception {
        Backend backend = ScratchDatabase.reachable(Backend.POSTGRESQL) ? Backend.POSTGRESQL : Backend.H2;
        KeyCipher cipher = KeyCipher.of(ENCRYPTION_KEY);
        try (FakeUpstream up = FakeUpstream.start(); ScratchDatabase db = ScratchDatabase.create(backend)) {
            Map<String, String> env = new HashMap<>(db.env());
            env.put("ENCRYPTION_KEY", ENCRYPTION_KEY);
            String name = Fixtures.unique("enc");
            String imported = name + "-py";
            String key = "sk-enc-" + name;
            long groupId;
            long importedId;

            try (Gateway gw = Gateway.start("encryption-" + backend.name().toLowerCase() + "-1", env, db.workDir())) {
                Api api = new Api(gw);
                groupId = Fixtures.group(api, name, "openai", up.baseUrl(), PROXY_KEY, "");
                importedId = Fixtures.group(api, imported, "openai", up.baseUrl(), PROXY_KEY, "");
                Fixtures.keys(api, groupId, key);

                proxy(gw, name);
                assertEquals(1, up.requests(key).size(), "the upstream gets the plaintext key");
                assertEquals("Bearer " + key, up.requests(key).get(0).header("Authorization"));

                JsonObject listed = onlyKey(api, "group_id=" + groupId);
                assertEquals(key, listed.getString("key_value"), "the API shows the plaintext");
                assertEquals(cipher.hash(key), listed.getString("key_hash"));
                assertEquals(key, onlyKey(api, "group_id=" + groupId + "&key_value=" + key).getString("key_value"),
                        "lookup by value goes through the HMAC");
                JsonArray logs = RequestLogIT.awaitLogs(api, "group_name=" + name, 1);
                assertEquals(1, logs.size());
                assertEquals(key, logs.getJsonObject(0).getString("key_value"), "log list shows the plaintext");
            }

            assertEquals(PY_PLAINTEXT, cipher.decrypt(PY_KEY_VALUE), "the Python row decrypts in Java");
            assertEquals(PY_KEY_HASH, cipher.hash(PY_PLAINTEXT));
            try (Connection c = db.connect()) {
                assertEncrypted(c, "SELECT key_value, key_hash FROM api_keys WHERE group_id = ?", groupId, key, cipher);
                assertEncrypted(c, "SELECT key_value, key_hash FROM request_logs WHERE group_id = ?", groupId, key,
                        cipher);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (key_value, key_hash, group_id,"
                        + " status, notes, request_count, failure_count, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'active', '', 0, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                    ps.setString(1, PY_KEY_VALUE);
                    ps.setString(2, PY_KEY_HASH);
                    ps.setLong(3, importedId);
                    assertEquals(1, ps.executeUpdate());
                }
            }

            try (Gateway gw = Gateway.start("encryption-" + backend.name().toLowerCase() + "-2", env, db.workDir())) {
                Api api = new Api(gw);
                proxy(gw, imported);
                assertEquals(1, up.requests(PY_PLAINTEXT).size(), "a key encrypted elsewhere is injected as plaintext");
                assertEquals(PY_PLAINTEXT, onlyKey(api, "group_id=" + importedId + "&key_value=" + PY_PLAINTEXT)
                        .getString("key_value"));
                proxy(gw, name);
                assertEquals(2, up.requests(key).size(), "keys encrypted by the gateway load after a restart");
            }
        }
    }

    private static void proxy(Gateway gw, String group) throws Exception {
        HttpResponse<String> r = Fixtures.post(gw, "/proxy/" + group + "/v1/chat/completions",
                PROXY_KEY, "{\"model\":\"m\"}");
        assertEquals(200, r.statusCode(), r.body());
    }

    private static JsonObject onlyKey(Api api, String query) {
        Api.Resp r = api.get("/api/keys?" + query);
        assertEquals(200, r.status(), r.body());
        JsonArray items = r.data().getJsonArray("items");
        assertEquals(1, items.size(), items.toString());
        return items.getJsonObject(0);
    }

    /** The single row the query finds holds hex(nonce ‖ AES-GCM) of the key and its HMAC. */
    private static void assertEncrypted(Connection c, String sql, long groupId, String key, KeyCipher cipher)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                String stored = rs.getString(1);
                assertTrue(stored.matches("[0-9a-f]+"), "lowercase hex: " + sql);
                assertFalse(stored.contains(key), "no plaintext in the row");
                assertEquals(2 * (12 + key.length() + 16), stored.length(), "nonce ‖ ciphertext ‖ tag");
                assertEquals(key, cipher.decrypt(stored));
                assertEquals(cipher.hash(key), rs.getString(2), "key_hash is the HMAC");
                assertNotEquals(BackendMatrixIT.sha256(key), rs.getString(2));
                assertFalse(rs.next(), "one row: " + sql);
            }
        }
    }
}
