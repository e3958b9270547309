package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingPropertiesTest {

    private static final String PAYARA = """
            handlers=java.util.logging.ConsoleHandler
            java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter
            com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=true
            java.util.logging.ConsoleHandler.level=FINE
            .level=INFO
            PayaraMicro.level=INFO
            javax.enterprise.resource.sqltrace.level=FINE
            com.hazelcast.level=WARNING
            log4j.logger.org.hibernate.validator.util.Version=warn
            """;

    private static Properties payara() throws Exception {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(PAYARA.getBytes(StandardCharsets.UTF_8)));
        return p;
    }

    private static final Path FILE = Path.of("/srv/gw/data/logs/app.log");

    @Test
    void textAtInfoKeepsPayaraFormatWithoutColours() throws Exception {
        Properties p = LoggingProperties.adjust(payara(), new LogSettings(Level.INFO, false, false, "x"), FILE);
        assertEquals("false", p.getProperty("com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor"));
        assertEquals(LoggingProperties.TEXT_FORMATTER, p.getProperty("java.util.logging.ConsoleHandler.formatter"));
        assertEquals("java.util.logging.ConsoleHandler", p.getProperty("handlers"), "stdout only");
        assertEquals("INFO", p.getProperty(".level"));
        assertEquals("INFO", p.getProperty("io.gptload.level"));
        assertEquals("WARNING", p.getProperty("com.hazelcast.level"), "quieter loggers stay quiet");
        assertEquals("SEVERE", p.getProperty("javax.enterprise.system.security.ssl.level"),
                "no dump of the bundled stores' expired certificates");
    }

    @Test
    void debugIsOursOnlyAndJsonGoesToBothSinks() throws Exception {
        Properties p = LoggingProperties.adjust(payara(), new LogSettings(Level.FINE, true, true, "x"), FILE);
        assertEquals("FINE", p.getProperty("io.gptload.level"));
        assertEquals("INFO", p.getProperty(".level"), "the container stays at info");
        assertEquals("INFO", p.getProperty("javax.enterprise.resource.sqltrace.level"));
        assertNull(p.getProperty("javax.enterprise.system.security.ssl.level"), "debugging shows everything");
        assertEquals(JsonLineFormatter.class.getName(), p.getProperty("java.util.logging.ConsoleHandler.formatter"));
        assertEquals("java.util.logging.ConsoleHandler,java.util.logging.FileHandler", p.getProperty("handlers"));
        assertEquals(FILE.toString(), p.getProperty("java.util.logging.FileHandler.pattern"));
        assertEquals("true", p.getProperty("java.util.logging.FileHandler.append"));
        assertEquals(JsonLineFormatter.class.getName(), p.getProperty("java.util.logging.FileHandler.formatter"));
    }

    @Test
    void errorRaisesEveryQuieterLogger() throws Exception {
        Properties p = LoggingProperties.adjust(payara(), new LogSettings(Level.SEVERE, false, false, "x"), FILE);
        assertEquals("SEVERE", p.getProperty(".level"));
        assertEquals("SEVERE", p.getProperty("PayaraMicro.level"));
        assertEquals("SEVERE", p.getProperty("com.hazelcast.level"));
        assertEquals("SEVERE", p.getProperty("io.gptload.level"));
        assertEquals("FINE", p.getProperty("java.util.logging.ConsoleHandler.level"), "handlers pass what loggers let through");
        assertEquals("warn", p.getProperty("log4j.logger.org.hibernate.validator.util.Version"), "not ours to parse");
    }

    @Test
    void aPercentInThePathIsNotAPatternToken() throws Exception {
        Properties p = LoggingProperties.adjust(payara(), new LogSettings(Level.INFO, false, true, "x"),
                Path.of("/logs/100%/app.log"));
        assertEquals("/logs/100%%/app.log", p.getProperty("java.util.logging.FileHandler.pattern"));
    }

    @Test
    void writeCreatesTheLogDirectory(@TempDir Path dir) throws Exception {
        Path res = dir.resolve("res/MICRO-INF/domain");
        Files.createDirectories(res);
        Files.writeString(res.resolve("logging.properties"), PAYARA);
        Path logFile = dir.resolve("deep/logs/app.log");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.resolve("res").toUri().toURL()}, null)) {
            Path written = LoggingProperties.write(cl, new LogSettings(Level.INFO, true, true, logFile.toString()));
            assertTrue(Files.isDirectory(logFile.getParent()));
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(written)) {
                p.load(in);
            }
            assertEquals(logFile.toString(), p.getProperty("java.util.logging.FileHandler.pattern"));
            assertNull(LoggingProperties.write(new URLClassLoader(new URL[0], null),
                    new LogSettings(Level.INFO, false, false, "x")), "no runtime defaults, no file");
            assertFalse(Files.exists(dir.resolve("x")));
        }
    }
}
