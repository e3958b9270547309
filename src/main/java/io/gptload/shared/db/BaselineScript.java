package io.gptload.shared.db;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the baseline script (version 1, the gpt-load schema) so that it also adopts a
 * database gpt-load created itself, which has the tables but no version table. Each statement
 * only adds what is missing:
 * <ul>
 * <li>{@code CREATE TABLE t (...)}: runs when {@code t} is absent; when present, every column
 *     line of the statement whose column is missing is added with {@code ALTER TABLE ... ADD COLUMN};</li>
 * <li>{@code CREATE [UNIQUE] INDEX i ON t ...}: runs when {@code t} has no index named {@code i};</li>
 * <li>{@code ALTER TABLE t ADD CONSTRAINT ...}: runs only when this run created {@code t},
 *     so no constraint is ever imposed on existing data;</li>
 * <li>anything else runs as written.</li>
 * </ul>
 * A {@code CREATE TABLE} statement lists one column definition per line, constraint lines
 * (PRIMARY KEY, CONSTRAINT, UNIQUE, KEY, INDEX, FOREIGN, CHECK) after the columns, and the
 * closing parenthesis on its own line.
 */
final class BaselineScript {

    private static final String NAME = "[`\"]?(\\w+)[`\"]?";
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)CREATE\\s+TABLE\\s+(" + NAME + ")\\s*\\(.*");
    private static final Pattern CREATE_INDEX =
            Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+" + NAME + "\\s+ON\\s+" + NAME + "\\s*\\(.*");
    private static final Pattern ADD_CONSTRAINT =
            Pattern.compile("(?is)ALTER\\s+TABLE\\s+" + NAME + "\\s+ADD\\s+CONSTRAINT\\s+.*");
    private static final Pattern COLUMN_NAME = Pattern.compile("[`\"]?(\\w+)[`\"]?\\s+.*", Pattern.DOTALL);
    private static final Set<String> NOT_COLUMNS =
            Set.of("PRIMARY", "CONSTRAINT", "UNIQUE", "KEY", "INDEX", "FOREIGN", "CHECK");

    private final SchemaInspector inspector;
    private final StatementRunner runner;
    private final Set<String> createdTables = new HashSet<>();
    private boolean adopted;

    BaselineScript(SchemaInspector inspector, StatementRunner runner) {
        this.inspector = requireNonNull(inspector, "inspector");
        this.runner = requireNonNull(runner, "runner");
    }

    /** Applies the statements; returns whether any of its tables existed before (adoption). */
    boolean apply(List<String> statements) {
        for (int i = 0; i < statements.size(); i++) {
            int number = i + 1;
            String sql = statements.get(i);
            try {
                applyOne(number, sql);
            } catch (SQLException e) {
                throw runner.failure(number, e);
            }
        }
        return adopted;
    }

    private void applyOne(int number, String sql) throws SQLException {
        Matcher table = CREATE_TABLE.matcher(sql);
        Matcher index = CREATE_INDEX.matcher(sql);
        Matcher constraint = ADD_CONSTRAINT.matcher(sql);
        if (table.matches()) {
            Optional<String> existing = inspector.table(table.group(2));
            if (existing.isEmpty()) {
                runner.execute(number, sql);
                createdTables.add(key(table.group(2)));
            } else {
                adopted = true;
                addMissingColumns(number, sql, table.group(1), existing.get());
            }
        } else if (index.matches()) {
            Optional<String> existing = inspector.table(index.group(2));
            if (existing.isEmpty() || !inspector.indexes(existing.get()).contains(key(index.group(1)))) {
                runner.execute(number, sql);
            }
        } else if (constraint.matches()) {
            if (createdTables.contains(key(constraint.group(1)))) {
                runner.execute(number, sql);
            }
        } else {
            runner.execute(number, sql);
        }
    }

    private void addMissingColumns(int number, String sql, String quotedTable, String actualTable)
            throws SQLException {
        Set<String> present = inspector.columns(actualTable);
        List<String> lines = sql.lines().map(String::strip).toList();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith(")")) {
                break;
            }
            String definition = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
            Matcher column = COLUMN_NAME.matcher(definition);
            if (column.matches() && !NOT_COLUMNS.contains(column.group(1).toUpperCase(Locale.ROOT))
                    && !present.contains(key(column.group(1)))) {
                runner.execute(number, "ALTER TABLE " + quotedTable + " ADD COLUMN " + definition);
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
