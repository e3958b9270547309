package io.gptload.admin;

import io.gptload.requestlog.LogFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The query string of the console's CSV export link ({@link LogsExportServlet}) for a filter, and
 * the filter back from it. It uses the parameter names of {@code /api/logs}, except that the key
 * travels as {@code key_hash} (the hash the filter already holds), never as the key itself.
 */
final class LogExportLink {

    static final String KEY_HASH = "key_hash";

    private LogExportLink() {
    }

    /** {@code ""} for no filter, else {@code ?name=value&...}, values URL-encoded. */
    static String query(LogFilter f) {
        Objects.requireNonNull(f, "filter");
        List<String> parts = new ArrayList<>();
        add(parts, "group_name", f.groupName());
        add(parts, "parent_group_name", f.parentGroupName());
        add(parts, "model", f.model());
        add(parts, "error_contains", f.errorContains());
        add(parts, KEY_HASH, f.keyHash());
        add(parts, "is_success", f.isSuccess());
        add(parts, "request_type", f.requestType());
        add(parts, "status_code", f.statusCode());
        add(parts, "source_ip", f.sourceIp());
        add(parts, "start_time", f.startTime());
        add(parts, "end_time", f.endTime());
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** The filter of a request's parameters ({@code param}: name ⇒ first value or null). */
    static LogFilter filter(Function<String, String> param) {
        Objects.requireNonNull(param, "param");
        return LogFilter.from(name -> "key_value".equals(name) ? param.apply(KEY_HASH) : param.apply(name),
                Function.identity());
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            String text = value instanceof Instant t ? t.toString() : value.toString();
            parts.add(name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
    }
}
