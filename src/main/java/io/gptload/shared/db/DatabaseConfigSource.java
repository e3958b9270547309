package io.gptload.shared.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Exposes the parsed {@code DATABASE_DSN} as {@code gptload.db.class} and {@code gptload.db.url} (credentials
 * inside the URL: MicroProfile Config treats an empty value as missing, so an empty password
 * could not be passed on its own), which the
 * bootstrap's {@code @DataSourceDefinition} reads through {@code ${MPCONFIG=...}}. The DSN comes
 * from the environment or a system property (the launcher turns {@code .env}-only values into
 * system properties).
 */
public class DatabaseConfigSource implements ConfigSource {

    private volatile Map<String, String> values;

    @Override
    public Set<String> getPropertyNames() {
        return values().keySet();
    }

    @Override
    public String getValue(String name) {
        return name.startsWith("gptload.db.") ? values().get(name) : null;
    }

    @Override
    public String getName() {
        return "gpt-load DATABASE_DSN";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    private Map<String, String> values() {
        Map<String, String> v = values;
        if (v == null) {
            String dsn = System.getenv("DATABASE_DSN");
            if (dsn == null) {
                dsn = System.getProperty("DATABASE_DSN", "");
            }
            DatabaseDsn d = DatabaseDsn.parse(dsn, Path.of("").toAbsolutePath());
            v = Map.of("gptload.db.class", d.dataSourceClass(), "gptload.db.url", d.urlWithCredentials());
            values = v;
        }
        return v;
    }
}
