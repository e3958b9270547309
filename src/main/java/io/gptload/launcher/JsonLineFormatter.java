package io.gptload.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * {@code LOG_FORMAT=json}: one JSON object per line with {@code time} (ISO-8601 with offset),
 * {@code level} (debug, info, warn, error), {@code logger}, {@code message}, {@code thread} and,
 * when the record carries one, {@code error} (the stack trace). Named by the logging
 * configuration, so it is public with a public no-argument constructor.
 */
public final class JsonLineFormatter extends Formatter {

    private final ZoneId zone;

    public JsonLineFormatter() {
        this(ZoneId.systemDefault());
    }

    JsonLineFormatter(ZoneId zone) {
        this.zone = java.util.Objects.requireNonNull(zone, "zone");
    }

    @Override
    public String format(LogRecord r) {
        StringBuilder b = new StringBuilder(192).append('{');
        field(b, "time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(r.getInstant(), zone)));
        b.append(',');
        field(b, "level", level(r.getLevel()));
        b.append(',');
        field(b, "logger", r.getLoggerName() == null ? "" : r.getLoggerName());
        b.append(',');
        field(b, "message", String.valueOf(formatMessage(r)));
        b.append(',');
        field(b, "thread", thread(r));
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            b.append(',');
            field(b, "error", trace.toString().stripTrailing());
        }
        return b.append("}\n").toString();
    }

    /** The level as gpt-load names it. */
    static String level(Level l) {
        int v = l.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (v >= Level.WARNING.intValue()) {
            return "warn";
        }
        return v >= Level.INFO.intValue() ? "info" : "debug";
    }

    /** Records are formatted on the thread that logged them, whose name is then known. */
    private static String thread(LogRecord r) {
        Thread t = Thread.currentThread();
        return t.threadId() == r.getLongThreadID() ? t.getName() : "thread-" + r.getLongThreadID();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
