package io.gptload.shared.db;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** The embedded H2 database: the default location and gpt-load's SQLite file paths. */
final class EmbeddedDsn {

    private static final String OPTIONS = ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final String[] SQLITE_EXTENSIONS = {".sqlite3", ".sqlite", ".db"};

    private EmbeddedDsn() {
    }

    /**
     * H2 database for a SQLite-style path: query parameters ({@code ?_busy_timeout=...}) and a
     * {@code file:} prefix are ignored, a {@code .db}/{@code .sqlite}/{@code .sqlite3} extension is
     * removed, a relative path is resolved against the working directory. {@code :memory:} gives an
     * in-memory database.
     */
    static DatabaseDsn fromPath(String value, Path workingDir) {
        String path = value;
        int question = path.indexOf('?');
        if (question >= 0) {
            path = path.substring(0, question);
        }
        if (path.regionMatches(true, 0, "file:", 0, 5)) {
            path = path.substring(5);
        }
        if (path.equals(":memory:")) {
            return new DatabaseDsn(DatabaseDsn.Kind.H2, "jdbc:h2:mem:gpt-load;DB_CLOSE_DELAY=-1",
                    "sa", "", DatabaseDsn.Kind.H2.dataSourceClass());
        }
        if (path.endsWith("/") || path.endsWith("\\")) {
            throw new IllegalArgumentException("database file path must name a file, not a directory");
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String extension : SQLITE_EXTENSIONS) {
            if (lower.endsWith(extension)) {
                path = path.substring(0, path.length() - extension.length());
                break;
            }
        }
        if (path.isBlank() || path.endsWith("/") || path.endsWith("\\")) {
            throw new IllegalArgumentException("database file path has no file name");
        }
        return file(path, workingDir);
    }

    /** H2 file database at {@code path} (without extension), resolved against the working directory. */
    static DatabaseDsn file(String path, Path workingDir) {
        if (path.indexOf(';') >= 0) {
            throw new IllegalArgumentException("database file path must not contain ';'");
        }
        Path absolute;
        try {
            absolute = workingDir.resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("database file path is not a valid path");
        }
        if (absolute.getFileName() == null) {
            throw new IllegalArgumentException("database file path has no file name");
        }
        return new DatabaseDsn(DatabaseDsn.Kind.H2, "jdbc:h2:file:" + absolute + OPTIONS,
                "sa", "", DatabaseDsn.Kind.H2.dataSourceClass());
    }
}
