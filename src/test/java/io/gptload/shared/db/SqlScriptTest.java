package io.gptload.shared.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsAtLineEndsAndSkipsCommentLines() {
        String text = "-- header; not a statement\n"
                + "CREATE TABLE a (\n  x VARCHAR(5) DEFAULT 'a;b'\n);\n"
                + "\n   \n"
                + "INSERT INTO a VALUES ('y') ;  \r\n"
                + "  -- trailing comment\n"
                + "SELECT 1";
        assertEquals(List.of("CREATE TABLE a (\n  x VARCHAR(5) DEFAULT 'a;b'\n)",
                "INSERT INTO a VALUES ('y')", "SELECT 1"), SqlScript.split(text));
    }

    @Test
    void emptyTextHasNoStatements() {
        assertEquals(List.of(), SqlScript.split("-- only a comment\n\n;\n"));
    }

    @Test
    void takesVersionAndDescriptionFromTheFileName() {
        SqlScript script = SqlScript.parse("V12__add_key_notes.sql", "SELECT 1;");
        assertEquals(12, script.version());
        assertEquals("add key notes", script.description());
        assertEquals(List.of("SELECT 1"), script.statements());
    }

    @Test
    void refusesMalformedFileNames() {
        for (String bad : List.of("V1_schema.sql", "v1__schema.sql", "V0__schema.sql", "V1__schema.txt", "V__x.sql",
                "V1__bad-name.sql")) {
            assertThrows(RuntimeException.class, () -> SqlScript.parse(bad, "SELECT 1;"), bad);
        }
    }

    @Test
    void catalogListsTheBundledBaselineForEveryDialect() {
        for (Dialect dialect : Dialect.values()) {
            List<SqlScript> scripts = ScriptCatalog.load(dialect, getClass().getClassLoader());
            assertEquals(1, scripts.getFirst().version(), dialect.name());
            assertEquals("gpt load schema", scripts.getFirst().description());
            assertTrue(scripts.getFirst().statements().size() > 20, dialect.name());
        }
    }

    @Test
    void catalogRefusesVersionsOutOfOrderAndMissingFiles(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("db/migration/h2"));
        Files.writeString(folder.resolve("V1__a.sql"), "SELECT 1;");
        Files.writeString(folder.resolve("V2__b.sql"), "SELECT 2;");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Files.writeString(folder.resolve("index.txt"), "V2__b.sql\nV1__a.sql\n");
            IllegalStateException order = assertThrows(IllegalStateException.class,
                    () -> ScriptCatalog.load(Dialect.H2, loader));
            assertTrue(order.getMessage().contains("strictly increase"), order.getMessage());

            Files.writeString(folder.resolve("index.txt"), "V1__a.sql\nV3__missing.sql\n");
            IllegalStateException missing = assertThrows(IllegalStateException.class,
                    () -> ScriptCatalog.load(Dialect.H2, loader));
            assertTrue(missing.getMessage().contains("db/migration/h2/V3__missing.sql"), missing.getMessage());

            Files.delete(folder.resolve("index.txt"));
            IllegalStateException noIndex = assertThrows(IllegalStateException.class,
                    () -> ScriptCatalog.load(Dialect.H2, loader));
            assertTrue(noIndex.getMessage().contains("db/migration/h2/index.txt"), noIndex.getMessage());
        }
    }
}
