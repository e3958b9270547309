package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarCommandTest {

    @TempDir
    Path tmp;

    @Test
    void extractsClassesTopLevelLibrariesAndH2IntoAClassPath() throws Exception {
        Path jar = tmp.resolve("jar");
        war(jar, "WEB-INF/classes/io/x/A.class", "WEB-INF/lib/driver.jar", "WEB-INF/lib/nested/other.jar",
                "META-INF/MANIFEST.MF", "index.xhtml");
        write(jar.resolve(WarCommand.H2), "h2");
        Path out = Files.createDirectory(tmp.resolve("out"));
        try (URLClassLoader source = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<URL> urls = WarCommand.extract(source, out);
            assertEquals(List.of(out.resolve("app/WEB-INF/classes").toUri().toURL(),
                    out.resolve("app/WEB-INF/lib/driver.jar").toUri().toURL(),
                    out.resolve("h2.jar").toUri().toURL()), urls);
        }
        assertEquals("WEB-INF/classes/io/x/A.class",
                Files.readString(out.resolve("app/WEB-INF/classes/io/x/A.class")));
        assertFalse(Files.exists(out.resolve("app/index.xhtml")), "only classes and libraries");
        assertFalse(Files.exists(out.resolve("ROOT.war")), "the copied WAR is removed");
    }

    @Test
    void refusesAnEntryEscapingTheDirectory() throws Exception {
        Path jar = tmp.resolve("jar");
        war(jar, "WEB-INF/classes/../../../evil.txt");
        Path out = Files.createDirectory(tmp.resolve("out"));
        try (URLClassLoader source = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            IOException e = assertThrows(IOException.class, () -> WarCommand.extract(source, out));
            assertTrue(e.getMessage().startsWith("unsafe entry"), e.getMessage());
        }
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
    }

    @Test
    void withoutTheWarItSaysToUseTheBuiltJar() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null)) {
            IOException e = assertThrows(IOException.class, () -> WarCommand.extract(empty, tmp));
            assertTrue(e.getMessage().contains("target/gpt-load.jar"), e.getMessage());
        }
    }

    @Test
    void theRealEnvironmentWinsOverDotEnv() {
        Map<String, String> merged = Subcommands.environment(Map.of("DATABASE_DSN", "env"),
                Map.of("DATABASE_DSN", "file", "ENCRYPTION_KEY", "k"));
        assertEquals(Map.of("DATABASE_DSN", "env", "ENCRYPTION_KEY", "k"), merged);
    }

    /** A WAR at the uber-jar location under {@code root} whose entries contain their own names. */
    private static void war(Path root, String... entries) throws IOException {
        Path war = root.resolve(WarCommand.WAR);
        Files.createDirectories(war.getParent());
        try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String name : entries) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
