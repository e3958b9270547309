package io.gptload;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The package table of {@code DESIGN.md} ("Packages and what each may use") as executable
 * rules over the production classes, plus two house rules: static configuration is read in one
 * place (no scattered {@code System.getenv}) and loggers are static.
 */
@AnalyzeClasses(packages = "io.gptload", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "io.gptload.";

    /**
     * Classes of {@code feature} may use, among our own packages, only themselves and
     * {@code allowed} (each with its sub-packages).
     */
    private static ArchRule feature(String feature, String... allowed) {
        return noClasses().that().resideInAPackage(pkg(feature))
                .should().dependOnClassesThat(ours().and(not(resideInAnyPackage(packages(feature, allowed)))))
                .because("DESIGN.md: `" + feature + "` may use " + (allowed.length == 0 ? "nothing of ours"
                        : String.join(", ", allowed)));
    }

    private static DescribedPredicate<JavaClass> ours() {
        return resideInAPackage("io.gptload..");
    }

    private static String pkg(String name) {
        return BASE + name + "..";
    }

    private static String[] packages(String feature, String... allowed) {
        return Stream.concat(Stream.of(feature), Arrays.stream(allowed)).map(ArchitectureTest::pkg)
                .toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule shared = feature("shared");

    @ArchTest
    static final ArchRule cluster = feature("cluster", "shared").allowEmptyShould(true);

    @ArchTest
    static final ArchRule settings = feature("settings", "shared", "cluster");

    @ArchTest
    static final ArchRule channel = feature("channel", "shared");

    @ArchTest
    static final ArchRule upstream = feature("upstream", "shared", "settings");

    @ArchTest
    static final ArchRule group = feature("group", "shared", "settings", "channel", "cluster");

    @ArchTest
    static final ArchRule keypool = feature("keypool", "shared", "settings", "group", "channel", "upstream",
            "cluster");

    @ArchTest
    static final ArchRule proxy = feature("proxy", "shared", "settings", "auth", "group", "keypool", "channel",
            "upstream");

    @ArchTest
    static final ArchRule auth = feature("auth", "shared", "settings", "group");

    @ArchTest
    static final ArchRule dashboard = feature("dashboard", "shared", "requestlog", "keypool", "group");

    @ArchTest
    static final ArchRule launcher = feature("launcher");

    /** Offline commands (migrate-keys) run outside the container on plain JDBC. */
    @ArchTest
    static final ArchRule tools = feature("tools", "shared");

    /** {@code requestlog} listens to the proxy's event; it may see the event records and nothing else there. */
    @ArchTest
    static final ArchRule requestlog = noClasses().that().resideInAPackage(pkg("requestlog"))
            .should().dependOnClassesThat(ours()
                    .and(not(resideInAnyPackage(packages("requestlog", "shared", "cluster"))))
                    .and(not(proxyEvent())))
            .because("DESIGN.md: `requestlog` may use shared, cluster and proxy's event records only");

    private static DescribedPredicate<JavaClass> proxyEvent() {
        return DescribedPredicate.describe("the proxy event records (Attempt, ProxyCompleted)",
                c -> c.getName().equals("io.gptload.proxy.Attempt")
                        || c.getName().equals("io.gptload.proxy.ProxyCompleted"));
    }

    /** The edges: nothing of ours depends on {@code api}, {@code admin}, {@code boot}, {@code launcher} or {@code tools} but themselves. */
    @ArchTest
    static final ArchRule nobodyUsesApi = edge("api");

    @ArchTest
    static final ArchRule nobodyUsesAdmin = edge("admin");

    @ArchTest
    static final ArchRule nobodyUsesBoot = edge("boot");

    @ArchTest
    static final ArchRule nobodyUsesLauncher = edge("launcher");

    @ArchTest
    static final ArchRule nobodyUsesTools = edge("tools");

    private static ArchRule edge(String name) {
        return noClasses().that().resideInAPackage("io.gptload..").and().resideOutsideOfPackage(pkg(name))
                .should().dependOnClassesThat().resideInAPackage(pkg(name))
                .because("DESIGN.md: `" + name + "` is an edge; nothing uses it");
    }

    /** House rule 10: the environment is read by the launcher and the static-config classes only. */
    @ArchTest
    static final ArchRule noScatteredGetenv = noClasses().that().resideInAPackage("io.gptload..")
            .and().resideOutsideOfPackages(pkg("launcher"), pkg("shared.config"))
            .and().doNotHaveFullyQualifiedName("io.gptload.shared.db.DatabaseConfigSource")
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .because("DESIGN.md house rule 10: no System.getenv scattered through the code");

    /** Cheap sanity: a logger per instance is a mistake (and would be serialised with the bean). */
    @ArchTest
    static final ArchRule loggersAreStatic = fields().that().haveRawType(java.util.logging.Logger.class)
            .should().beStatic()
            .allowEmptyShould(true);

    /**
     * The launcher runs Payara Micro with {@code --nohazelcast}: a persistent timer would need the
     * data grid and the application would not deploy. Every timer is non-persistent: declared
     * with {@code persistent = false}, or made with a {@code TimerConfig(info, false)}.
     */
    @ArchTest
    static final ArchRule timersAreNotPersistent = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
            .that().areAnnotatedWith(jakarta.ejb.Schedule.class)
            .or().areAnnotatedWith(jakarta.ejb.Schedules.class)
            .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
                    "declare persistent = false") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaMethod method,
                                  com.tngtech.archunit.lang.ConditionEvents events) {
                    List<jakarta.ejb.Schedule> schedules = new ArrayList<>();
                    method.tryGetAnnotationOfType(jakarta.ejb.Schedule.class).ifPresent(schedules::add);
                    method.tryGetAnnotationOfType(jakarta.ejb.Schedules.class)
                            .ifPresent(all -> schedules.addAll(Arrays.asList(all.value())));
                    if (schedules.stream().anyMatch(jakarta.ejb.Schedule::persistent)) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
                                method.getFullName() + " is a persistent timer"));
                    }
                }
            })
            .because("the launcher passes --nohazelcast, which has no store for persistent timers")
            .allowEmptyShould(true); // no @Schedule at present: the timers are programmatic (below)

    /** The programmatic ways to a persistent timer: each defaults to, or can switch on, persistence. */
    @ArchTest
    static final ArchRule programmaticTimersAreNotPersistent = noClasses().that().resideInAPackage("io.gptload..")
            .should().callConstructor(jakarta.ejb.TimerConfig.class)
            .orShould().callMethod(jakarta.ejb.TimerConfig.class, "setPersistent", boolean.class)
            .orShould().callMethod(jakarta.ejb.TimerService.class, "createTimer", long.class, java.io.Serializable.class)
            .orShould().callMethod(jakarta.ejb.TimerService.class, "createTimer", long.class, long.class,
                    java.io.Serializable.class)
            .orShould().callMethod(jakarta.ejb.TimerService.class, "createTimer", java.util.Date.class,
                    java.io.Serializable.class)
            .orShould().callMethod(jakarta.ejb.TimerService.class, "createTimer", java.util.Date.class, long.class,
                    java.io.Serializable.class)
            .orShould().callMethod(jakarta.ejb.TimerService.class, "createCalendarTimer",
                    jakarta.ejb.ScheduleExpression.class)
            .because("these make persistent timers, which --nohazelcast cannot store; use new TimerConfig(info, false)");
}
