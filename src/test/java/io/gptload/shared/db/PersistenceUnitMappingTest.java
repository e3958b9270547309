package io.gptload.shared.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.db.ExpectedSchema.Column;
import io.gptload.shared.db.ExpectedSchema.Family;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** META-INF/persistence.xml and the six entities against the expected gpt-load schema. */
class PersistenceUnitMappingTest {

    private static Element unit;

    @BeforeAll
    static void readPersistenceXml() throws Exception {
        try (InputStream in = PersistenceUnitMappingTest.class.getClassLoader()
                .getResourceAsStream("META-INF/persistence.xml")) {
            assertNotNull(in, "META-INF/persistence.xml");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(in);
            NodeList units = doc.getElementsByTagNameNS("*", "persistence-unit");
            assertEquals(1, units.getLength());
            unit = (Element) units.item(0);
        }
    }

    @Test
    void unitIsJtaWithoutSchemaGenerationAndWithoutBoundValuesInLogs() {
        assertEquals("gptload", unit.getAttribute("name"));
        assertEquals("JTA", unit.getAttribute("transaction-type"));
        assertEquals("java:app/jdbc/gptload", text("jta-data-source").getFirst());
        assertEquals(List.of("true"), text("exclude-unlisted-classes"));
        Map<String, String> properties = properties();
        assertEquals("none", properties.get("jakarta.persistence.schema-generation.database.action"));
        assertEquals("none", properties.get("eclipselink.ddl-generation"));
        assertEquals("WARNING", properties.get("eclipselink.logging.level"));
        assertEquals("false", properties.get("eclipselink.logging.parameters"));
        assertEquals("supportsReturnGeneratedKeys=true", properties.get("eclipselink.target-database-properties"));
    }

    @Test
    void everyTableHasExactlyOneEntityMappingAllItsColumns() throws Exception {
        List<String> tables = new ArrayList<>();
        for (String className : text("class")) {
            Class<?> type = Class.forName(className);
            assertTrue(type.getSimpleName().endsWith("Entity"), className);
            assertNotNull(type.getAnnotation(Entity.class), className);
            String table = type.getAnnotation(Table.class).name().replace("\"", "");
            tables.add(table);
            assertMapping(type, ExpectedSchema.COLUMNS.get(table));
            assertTrue(Modifier.isProtected(type.getDeclaredConstructor().getModifiers()), className + " no-arg constructor");
        }
        assertEquals(ExpectedSchema.TABLES.stream().sorted().toList(), tables.stream().sorted().toList());
    }

    @Test
    void reservedGroupsTableIsADelimitedIdentifier() throws Exception {
        Class<?> group = Class.forName("io.gptload.group.GroupEntity");
        assertEquals("\"groups\"", group.getAnnotation(Table.class).name());
    }

    private static void assertMapping(Class<?> type, List<Column> expected) {
        assertNotNull(expected, type.getName());
        Map<String, Field> mapped = new HashMap<>();
        for (Field field : type.getDeclaredFields()) {
            jakarta.persistence.Column column = field.getAnnotation(jakarta.persistence.Column.class);
            assertNotNull(column, type.getSimpleName() + "." + field.getName() + " must name its column");
            assertFalse(Modifier.isStatic(field.getModifiers()), field.getName());
            mapped.put(column.name(), field);
        }
        assertEquals(expected.stream().map(Column::name).collect(Collectors.toSet()), mapped.keySet(), type.getName());
        for (Column c : expected) {
            Field field = mapped.get(c.name());
            jakarta.persistence.Column column = field.getAnnotation(jakarta.persistence.Column.class);
            String where = type.getSimpleName() + "." + field.getName();
            assertTrue(javaTypes(c.family()).contains(field.getType()), where + " type " + field.getType());
            if (c.family() == Family.ID) {
                assertNotNull(field.getAnnotation(Id.class), where);
                assertEquals(GenerationType.IDENTITY, field.getAnnotation(GeneratedValue.class).strategy(), where);
                continue;
            }
            assertEquals(c.nullable(), column.nullable(), where + " nullable");
            if (c.family() == Family.VARCHAR) {
                assertEquals(c.size(), column.length(), where + " length");
            }
            if (c.name().equals("id")) {
                assertNotNull(field.getAnnotation(Id.class), where);
                assertEquals(null, field.getAnnotation(GeneratedValue.class), where + " id is assigned by the application");
            }
        }
    }

    private static Set<Class<?>> javaTypes(Family family) {
        return switch (family) {
            case ID -> Set.of(Long.class);
            case UINT, INT -> Set.of(long.class, int.class, Long.class, Integer.class);
            case VARCHAR, TEXT, JSON -> Set.of(String.class);
            case BOOL -> Set.of(boolean.class);
            case TIME -> Set.of(LocalDateTime.class);
        };
    }

    private static List<String> text(String tag) {
        List<String> values = new ArrayList<>();
        NodeList nodes = unit.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().strip());
        }
        return values;
    }

    private static Map<String, String> properties() {
        Map<String, String> map = new HashMap<>();
        NodeList nodes = unit.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            map.put(e.getAttribute("name"), e.getAttribute("value"));
        }
        return map;
    }
}
