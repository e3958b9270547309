package io.gptload.shared.db;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a dialect's scripts from the classpath. The list comes from
 * {@code db/migration/<dialect>/index.txt} (one file name per line, blank lines and lines
 * starting with {@code #} ignored), because classpath scanning is not reliable inside a WAR.
 */
final class ScriptCatalog {

    private ScriptCatalog() {
    }

    /** The scripts of {@code dialect} in index order; versions must strictly increase. */
    static List<SqlScript> load(Dialect dialect, ClassLoader loader) {
        requireNonNull(dialect, "dialect");
        requireNonNull(loader, "loader");
        String folder = dialect.resourceFolder();
        List<SqlScript> scripts = new ArrayList<>();
        for (String line : read(loader, folder + "/index.txt").split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            SqlScript script = SqlScript.parse(name, read(loader, folder + "/" + name));
            if (!scripts.isEmpty() && scripts.getLast().version() >= script.version()) {
                throw new IllegalStateException("Migration versions must strictly increase in "
                        + folder + "/index.txt: " + name);
            }
            scripts.add(script);
        }
        return scripts;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Migration resource not found on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migration resource " + resource, e);
        }
    }
}
