package io.gptload.proxy;

import java.time.LocalDateTime;

/**
 * One upstream attempt as it is logged (spec §2.10): a {@code retry} when another attempt
 * followed, else {@code final}. Key values are the stored (possibly encrypted) form, never the
 * plaintext.
 */
public record Attempt(String id, LocalDateTime timestamp, long groupId, String groupName, long parentGroupId,
                      String parentGroupName, String keyValue, String keyHash, long keyId, String model,
                      boolean success, String sourceIp, int statusCode, String requestPath, long durationMs,
                      String errorMessage, String userAgent, String requestType, String upstreamAddr,
                      boolean stream, String requestBody) {

    public static final String RETRY = "retry";
    public static final String FINAL = "final";

    @Override
    public String toString() {
        return "Attempt[" + requestType + " group=" + groupName + " status=" + statusCode + " key=" + keyId + "]";
    }
}
