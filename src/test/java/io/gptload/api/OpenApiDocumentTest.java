package io.gptload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.proxy.ProxyApplication;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The static OpenAPI document ({@code META-INF/openapi.yaml}, served at {@code /openapi}) against
 * the JAX-RS resources: every route the gateway serves is documented, and every {@code $ref}
 * points at a component that exists. No YAML parser is on the test classpath, so the document
 * is read by its layout (two-space indentation, one key per line), which the file keeps; the
 * full parse happens in {@code OpenApiIT} on the running gateway.
 */
class OpenApiDocumentTest {

    private static final Pattern PATH_KEY = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern METHOD_KEY = Pattern.compile("^    (get|put|post|delete|patch|head|options):\\s*$");
    private static final Pattern SECTION_KEY = Pattern.compile("^  ([A-Za-z]+):\\s*$");
    private static final Pattern COMPONENT_KEY = Pattern.compile("^    ([A-Za-z0-9_.-]+):.*$");
    private static final Pattern REF = Pattern.compile("\\$ref: '#/components/([A-Za-z]+)/([A-Za-z0-9_.-]+)'");
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]*}");

    private static List<String> lines() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            assertNotNull(in, "META-INF/openapi.yaml is on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The lines of one top-level block ({@code paths:}, {@code components:}), without its key. */
    private static List<String> block(List<String> lines, String key) {
        int start = lines.indexOf(key + ":");
        assertTrue(start >= 0, "top-level " + key + " present");
        List<String> out = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && (lines.get(i).isEmpty() || lines.get(i).startsWith(" ")); i++) {
            out.add(lines.get(i));
        }
        return out;
    }

    /** "METHOD /path" for every operation of the document, path parameters written {@code {}}. */
    static Set<String> documentedRoutes(List<String> lines) {
        Set<String> routes = new TreeSet<>();
        String path = null;
        for (String line : block(lines, "paths")) {
            Matcher p = PATH_KEY.matcher(line);
            Matcher m = METHOD_KEY.matcher(line);
            if (p.matches()) {
                path = normalise(p.group(1));
            } else if (m.matches() && path != null) {
                routes.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        return routes;
    }

    /** "METHOD /path" for every resource method that a JAX-RS application mounts. */
    static Set<String> servedRoutes(Class<?> application, Set<Class<?>> classes) {
        String base = "/" + application.getAnnotation(ApplicationPath.class).value();
        Set<String> routes = new TreeSet<>();
        for (Class<?> c : classes) {
            Path classPath = c.getAnnotation(Path.class);
            if (classPath == null) {
                continue; // a provider
            }
            for (Method method : c.getMethods()) {
                String verb = httpMethod(method);
                Path methodPath = method.getAnnotation(Path.class);
                assertFalse(verb == null && methodPath != null,
                        "sub-resource locators are not handled here: " + c.getSimpleName() + "." + method.getName());
                if (verb != null) {
                    String path = join(join(base, classPath.value()), methodPath == null ? "" : methodPath.value());
                    routes.add(verb + " " + normalise(path));
                }
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        String right = b.startsWith("/") ? b.substring(1) : b;
        return right.isEmpty() ? left : left + "/" + right;
    }

    /** Path parameters compare by position, not by name or regular expression. */
    private static String normalise(String path) {
        return TEMPLATE.matcher(path).replaceAll("{}");
    }

    @Test
    void documentsEveryRouteOfTheManagementApi() throws IOException {
        Set<String> served = servedRoutes(ApiApplication.class, new ApiApplication().getClasses());
        assertTrue(served.contains("GET /api/channel-types"), "the resources were read: " + served);
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documentedRoutes(lines()));
        assertEquals(Set.of(), missing, "served by the gateway but not in META-INF/openapi.yaml");
    }

    @Test
    void documentsEveryMethodOfTheDataPlane() throws IOException {
        Set<String> served = servedRoutes(ProxyApplication.class, new ProxyApplication().getClasses());
        assertEquals(7, served.size(), "GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS: " + served);
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documentedRoutes(lines()));
        assertEquals(Set.of(), missing, "served by the gateway but not in META-INF/openapi.yaml");
    }

    @Test
    void everyReferenceNamesADefinedComponent() throws IOException {
        List<String> lines = lines();
        Set<String> defined = new TreeSet<>();
        String section = null;
        for (String line : block(lines, "components")) {
            Matcher s = SECTION_KEY.matcher(line);
            Matcher c = COMPONENT_KEY.matcher(line);
            if (s.matches()) {
                section = s.group(1);
            } else if (c.matches() && section != null) {
                defined.add(section + "/" + c.group(1));
            }
        }
        assertTrue(defined.contains("schemas/GroupResponse"), "components were read: " + defined);
        Set<String> dangling = new TreeSet<>();
        int refs = 0;
        for (String line : lines) {
            Matcher r = REF.matcher(line);
            while (r.find()) {
                refs++;
                if (!defined.contains(r.group(1) + "/" + r.group(2))) {
                    dangling.add(r.group(1) + "/" + r.group(2));
                }
            }
        }
        assertTrue(refs > 50, "references were found: " + refs);
        assertEquals(Set.of(), dangling, "references to undefined components");
    }

    @Test
    void isPlainTwoSpaceYamlWithoutTabsOrAnchors() throws IOException {
        List<String> lines = lines();
        assertEquals("openapi: 3.0.3", lines.get(0));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = line.length() - line.stripLeading().length();
            assertFalse(line.contains("\t"), "tab on line " + (i + 1));
            assertFalse(line.matches("^\\s*[A-Za-z0-9_\"'-]+: [&*][A-Za-z].*"), "anchor or alias on line " + (i + 1));
            assertFalse(line.endsWith(" "), "trailing space on line " + (i + 1));
            assertTrue(line.isBlank() || indent % 2 == 0 || line.stripLeading().startsWith("-")
                    || !line.stripLeading().matches("^[A-Za-z0-9_$\"'/-]+:( .*)?$"),
                    "odd indentation of a key on line " + (i + 1) + ": " + line);
        }
    }

    @Test
    void theRouteReadersSeeWhatTheyShould() {
        List<String> doc = List.of("openapi: 3.0.3", "paths:", "  /api/groups/{id}:", "    parameters:",
                "      - name: id", "    put:", "      summary: x", "    delete:", "      summary: y",
                "  /proxy/{group}/{path}:", "    get:", "components:", "  schemas: {}");
        assertEquals(Set.of("PUT /api/groups/{}", "DELETE /api/groups/{}", "GET /proxy/{}/{}"),
                documentedRoutes(doc));
        assertEquals("/proxy/{}/{}", normalise("/proxy/{group}/{path: .*}"));
        assertEquals("/api/groups/{id}", join(join("/api/", "/groups"), "/{id}"));
    }
}
