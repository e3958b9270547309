package io.gptload.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;

/**
 * Payara Micro's own {@code logging.properties} adjusted to {@link LogSettings}: ANSI colours off,
 * {@code LOG_LEVEL} on the root and {@code io.gptload} loggers (warn and error also raise every
 * quieter container logger, debug leaves the container at info), {@code LOG_FORMAT=json} through
 * {@link JsonLineFormatter}, and {@code LOG_ENABLE_FILE} as a second handler appending to
 * {@code LOG_FILE_PATH}; Payara's dump of expired certificates in its bundled stores is silenced
 * unless debugging. Standard output stays the main sink.
 */
final class LoggingProperties {

    static final String PAYARA_DEFAULTS = "MICRO-INF/domain/logging.properties";
    static final String CONSOLE = "java.util.logging.ConsoleHandler";
    static final String FILE = "java.util.logging.FileHandler";
    static final String TEXT_FORMATTER = "com.sun.enterprise.server.logging.ODLLogFormatter";
    static final String PAYARA_SSL = "javax.enterprise.system.security.ssl";

    private LoggingProperties() {
    }

    /** The adjusted configuration; {@code logFile} is the absolute file when logging to a file. */
    static Properties adjust(Properties payara, LogSettings s, Path logFile) {
        Properties p = new Properties();
        p.putAll(payara);
        p.setProperty("com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor", "false");
        p.setProperty("fish.payara.enterprise.server.logging.PayaraLogFormatter.ansiColor", "false");
        Level container = s.level().intValue() > Level.INFO.intValue() ? s.level() : Level.INFO;
        for (String name : p.stringPropertyNames()) {
            if (name.endsWith(".level") && !name.contains("Handler") && quieterThan(p.getProperty(name), container)) {
                p.setProperty(name, container.getName());
            }
        }
        p.setProperty(".level", container.getName());
        p.setProperty("io.gptload.level", s.level().getName());
        if (s.level().intValue() >= Level.INFO.intValue()) {
            // Payara's TLS layer checks its bundled stores at start and dumps every expired
            // certificate in them: 5 warnings, ~380 lines, two thirds of the start log. No HTTPS
            // listener runs, and upstreams and Redis use the JVM's own stores (OutboundTls); its
            // context remains the default only for a database driver's TLS
            p.setProperty(PAYARA_SSL + ".level", Level.SEVERE.getName());
        }
        String formatter = s.json() ? JsonLineFormatter.class.getName()
                : p.getProperty(CONSOLE + ".formatter", TEXT_FORMATTER);
        p.setProperty(CONSOLE + ".formatter", formatter);
        p.setProperty(CONSOLE + ".level", Level.FINE.getName());
        if (s.toFile()) {
            p.setProperty("handlers", CONSOLE + "," + FILE);
            // FileHandler reads '%' as the start of a pattern token
            p.setProperty(FILE + ".pattern", logFile.toString().replace("%", "%%"));
            p.setProperty(FILE + ".append", "true");
            p.setProperty(FILE + ".encoding", "UTF-8");
            p.setProperty(FILE + ".level", Level.FINE.getName());
            p.setProperty(FILE + ".formatter", formatter);
        }
        return p;
    }

    private static boolean quieterThan(String value, Level floor) {
        try {
            return Level.parse(value.strip().toUpperCase(java.util.Locale.ROOT)).intValue() < floor.intValue();
        } catch (IllegalArgumentException e) {
            return false; // not a java.util.logging level (e.g. a log4j-style entry): leave it alone
        }
    }

    /**
     * Writes the configuration for this run to a temporary file (creating the log file's
     * directory first); null when the runtime's defaults are not on the class path.
     */
    static Path write(ClassLoader source, LogSettings s) throws IOException {
        Properties payara = new Properties();
        try (InputStream in = source.getResourceAsStream(PAYARA_DEFAULTS)) {
            if (in == null) {
                return null;
            }
            payara.load(in);
        }
        Path logFile = Path.of(s.filePath()).toAbsolutePath().normalize();
        if (s.toFile() && logFile.getParent() != null) {
            Files.createDirectories(logFile.getParent());
        }
        Path file = Files.createTempFile("gpt-load-logging", ".properties");
        file.toFile().deleteOnExit();
        try (var out = Files.newOutputStream(file)) {
            adjust(payara, s, logFile).store(out, "GPT-Load/J");
        }
        return file;
    }
}
