package io.gptload.proxy;

import io.gptload.auth.PresentedKey;
import io.gptload.group.IntegrationDirectory;
import io.gptload.group.IntegrationDirectory.Answer;
import io.gptload.group.IntegrationInfo;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code /proxy/{group}/api/integration/info?key=} (spec §2.1 step 1, §3.4): answered before
 * proxy authentication, in the management API's envelope, for that one group.
 */
final class IntegrationInfoAnswer {

    /** The path suffix that is answered here instead of being proxied. */
    static final String SUFFIX = "/api/integration/info";

    private IntegrationInfoAnswer() {
    }

    static Reply render(IntegrationDirectory directory, String groupName, String rawQuery) {
        String key = PresentedKey.from(rawQuery, h -> null).key();
        Answer answer = PathGuard.validGroupName(groupName) ? directory.one(groupName, key)
                : key.isEmpty() ? new Answer.KeyMissing() : new Answer.GroupNotFound();
        return switch (answer) {
            case Answer.Found f -> {
                JsonArrayBuilder a = Json.createArrayBuilder();
                f.groups().stream().map(IntegrationInfo::toJson).forEach(a::add);
                yield json(200, Json.createObjectBuilder().add("code", 0).add("message", "Success").add("data", a).build());
            }
            case Answer.KeyMissing m -> error(400, "VALIDATION_FAILED", "Proxy key is required");
            case Answer.Unauthorized u -> error(400, "VALIDATION_FAILED", "Invalid or unauthorized proxy key");
            case Answer.GroupNotFound g -> error(404, "NOT_FOUND", "Group not found");
        };
    }

    private static Reply error(int status, String code, String message) {
        return json(status, Json.createObjectBuilder().add("code", code).add("message", message).build());
    }

    private static Reply json(int status, JsonObject body) {
        return new Reply(status, List.of(Map.entry("Content-Type", "application/json;charset=utf-8")),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
