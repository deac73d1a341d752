package no.biztek.support.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules that keep the modules apart (issue "One platform for the four services"), checked over every module's
 * compiled main classes: services never depend on each other; {@code schemas} holds contracts and depends on
 * Avro and Kafka's serialization only; {@code support-policy} is plain Java; the shared modules depend on no
 * service; a service's root package holds only its application; and no two packages of a service depend on each
 * other both ways (a feature uses another only through what that one offers, never the other way round too). A
 * feature's internals are package-private, so the compiler keeps other features out of them.
 */
class ArchitectureTest {

    private static final String BASE = "no.biztek.support";
    private static final List<String> SERVICES = List.of("intake", "sla", "escalation", "notification");
    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() throws Exception {
        Path root = Repository.root();
        List<Path> compiled;
        try (var modules = Files.list(root)) {
            compiled = modules.map(module -> module.resolve("target/classes"))
                    .filter(dir -> Files.isDirectory(dir.resolve("no"))).toList();
        }
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(compiled);
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .as("every module's classes were found").anyMatch(p -> p.startsWith(BASE + ".schemas"))
                .anyMatch(p -> p.startsWith(BASE + ".sla")).anyMatch(p -> p.startsWith(BASE + ".notification"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "sla", "escalation", "notification"})
    void aServiceNeverDependsOnAnother(String service) {
        String[] others = SERVICES.stream().filter(other -> !other.equals(service))
                .map(other -> BASE + "." + other + "..").toArray(String[]::new);

        noClasses().that().resideInAPackage(BASE + "." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .check(classes);
    }

    @Test
    void schemasHoldContractsDependingOnAvroAndKafkaSerializationOnly() {
        noClasses().that().resideInAPackage(BASE + ".schemas..")
                .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".schemas..", "java..",
                        "org.apache.avro..", "org.apache.kafka.common..")
                .check(classes);
    }

    @Test
    void thePolicyIsPlainJava() {
        noClasses().that().resideInAPackage(BASE + ".policy..")
                .and().resideOutsideOfPackage(BASE + ".policy.spring..") // support-policy-spring: the Spring wiring
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        BASE + ".schemas..")
                .check(classes);
    }

    @Test
    void theSharedModulesDependOnNoService() {
        noClasses().that().resideInAnyPackage(BASE + ".schemas..", BASE + ".policy..", BASE + ".httpapi..",
                        BASE + ".kafka..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().map(s -> BASE + "." + s + "..")
                        .toArray(String[]::new))
                .check(classes);
        noClasses().that().resideInAPackage(BASE + ".httpapi..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".kafka..").check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "sla", "escalation", "notification"})
    void aServicesRootHoldsOnlyItsApplication(String service) {
        classes().that().resideInAPackage(BASE + "." + service)
                .should().beAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
                .because("a service is feature packages, api and config; nothing generic at the root")
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "sla", "escalation", "notification"})
    void featurePackagesOfAServiceDoNotDependOnEachOtherBothWays(String service) {
        slices().matching(BASE + "." + service + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
