package io.gptload.tools;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Describes a database error for the operator without repeating data: drivers quote offending
 * values in single quotes, so quoted literals are cut out, and only the first line is kept.
 */
final class SqlErrors {

    private static final Pattern QUOTED = Pattern.compile("'[^']*'");

    private SqlErrors() {
    }

    static String describe(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        message = QUOTED.matcher(message).replaceAll("'…'");
        return "SQLState " + e.getSQLState() + ": " + message;
    }
}
