package io.gptload.admin;

import io.gptload.requestlog.RequestLogCsv;
import io.gptload.requestlog.RequestLogView;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;

/**
 * One row of the logs table and its detail dialog: every field of the log, with the key masked
 * (the full key never reaches the page).
 */
public record LogRow(String id, String time, String groupName, String parentGroupName, String maskedKey,
                     String model, int statusCode, boolean success, long durationMs, String requestType,
                     String sourceIp, boolean stream, String requestPath, String userAgent, String upstreamAddr,
                     String requestBody, String errorMessage) implements Serializable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    static LogRow of(RequestLogView v) {
        return new LogRow(v.id(), TIME.format(v.timestamp()), text(v.groupName()), text(v.parentGroupName()),
                RequestLogCsv.maskedKey(v.keyValue()), text(v.model()), v.statusCode(), v.isSuccess(), v.durationMs(),
                text(v.requestType()), text(v.sourceIp()), v.isStream(), text(v.requestPath()), text(v.userAgent()),
                text(v.upstreamAddr()), text(v.requestBody()), text(v.errorMessage()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Whether this log was a failed attempt that another attempt retried. */
    public boolean isRetry() {
        return "retry".equals(requestType);
    }
}
