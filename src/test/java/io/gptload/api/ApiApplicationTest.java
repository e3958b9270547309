package io.gptload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link ApiApplication} lists its classes by hand; this keeps the list honest. */
class ApiApplicationTest {

    private static Set<String> names(Set<Class<?>> classes) {
        return classes.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void registersEveryResourceAndProviderOfTheApiPackageAndNothingElse() {
        Set<String> annotated = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gptload.api").stream()
                .filter(c -> c.isAnnotatedWith(Path.class) || c.isAnnotatedWith(Provider.class))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(annotated.contains(GroupsResource.class.getName()), "the import found the resources");
        assertEquals(annotated, names(new ApiApplication().getClasses()));
    }

    @Test
    void servesNoGeneratedWadl() {
        assertEquals(true, new ApiApplication().getProperties().get("jersey.config.server.wadl.disableWadl"));
    }
}
