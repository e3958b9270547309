package io.gptload.requestlog;

import io.gptload.proxy.Attempt;
import java.time.LocalDateTime;
import java.util.UUID;

/** Test data: an attempt with sensible defaults and fluent overrides. */
final class AttemptBuilder {

    static final LocalDateTime T0 = LocalDateTime.of(2025, 1, 15, 10, 15, 30, 123_000_000);

    private String id = UUID.randomUUID().toString();
    private LocalDateTime at = T0;
    private long groupId = 2;
    private String groupName = "g2";
    private long parentId;
    private String parentName = "";
    private String keyValue = "stored-1";
    private String keyHash = "h1";
    private long keyId = 1;
    private String model = "gpt-4o";
    private boolean success = true;
    private String ip = "10.0.0.1";
    private int status = 200;
    private String path = "/proxy/g2/v1/chat/completions";
    private long ms = 42;
    private String error = "";
    private String ua = "";
    private String type = Attempt.FINAL;
    private String upstream = "https://upstream.test/v1/chat/completions";
    private boolean stream;
    private String body = "";

    static AttemptBuilder attempt() {
        return new AttemptBuilder();
    }

    AttemptBuilder id(String v) { id = v; return this; }
    AttemptBuilder at(LocalDateTime v) { at = v; return this; }
    AttemptBuilder group(long id, String name) { groupId = id; groupName = name; return this; }
    AttemptBuilder parent(long id, String name) { parentId = id; parentName = name; return this; }
    AttemptBuilder key(long id, String value, String hash) { keyId = id; keyValue = value; keyHash = hash; return this; }
    AttemptBuilder model(String v) { model = v; return this; }
    AttemptBuilder failed(int code, String message) { success = false; status = code; error = message; return this; }
    AttemptBuilder ip(String v) { ip = v; return this; }
    AttemptBuilder path(String v) { path = v; return this; }
    AttemptBuilder ms(long v) { ms = v; return this; }
    AttemptBuilder userAgent(String v) { ua = v; return this; }
    AttemptBuilder retry() { type = Attempt.RETRY; return this; }
    AttemptBuilder upstream(String v) { upstream = v; return this; }
    AttemptBuilder stream() { stream = true; return this; }
    AttemptBuilder body(String v) { body = v; return this; }

    Attempt build() {
        return new Attempt(id, at, groupId, groupName, parentId, parentName, keyValue, keyHash, keyId, model, success,
                ip, status, path, ms, error, ua, type, upstream, stream, body);
    }
}
