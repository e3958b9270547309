package io.gptload.shared.db;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration script: its version and description taken from the file name
 * ({@code V<version>__<words_with_underscores>.sql}) and its statements.
 *
 * <p>Statements are split where a line ends with {@code ;}. Lines starting with {@code --}
 * are comments. Scripts therefore never put a semicolon at the end of a line inside a string
 * literal, nor a comment after SQL on the same line.
 */
record SqlScript(int version, String fileName, String description, List<String> statements) {

    private static final Pattern FILE_NAME = Pattern.compile("V([0-9]{1,9})__([A-Za-z0-9_]+)\\.sql");

    SqlScript {
        requireNonNull(fileName, "fileName");
        requireNonNull(description, "description");
        statements = List.copyOf(requireNonNull(statements, "statements"));
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + fileName);
        }
    }

    /** Parses a script; the file name must look like {@code V1__gpt_load_schema.sql}. */
    static SqlScript parse(String fileName, String text) {
        requireNonNull(fileName, "fileName");
        requireNonNull(text, "text");
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("Migration file name must look like V1__some_words.sql: " + fileName);
        }
        return new SqlScript(Integer.parseInt(m.group(1)), fileName, m.group(2).replace('_', ' '), split(text));
    }

    /** Splits script text into statements (without their terminating semicolons). */
    static List<String> split(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                addIfPresent(result, current);
            } else {
                current.append(line).append('\n');
            }
        }
        addIfPresent(result, current);
        return result;
    }

    private static void addIfPresent(List<String> result, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            result.add(statement);
        }
        current.setLength(0);
    }
}
