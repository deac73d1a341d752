package no.biztek.support.policy.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;

class PolicyAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAutoConfiguration.class));

    @Test
    void withoutAFileTheServiceMeasuresAgainstThePublishedTerms() {
        context.run(run -> assertThat(run.getBean(PolicyHistory.class).versions()).extracting(v -> v.id())
                .containsExactlyElementsOf(PolicyFile.defaultPolicy().versions().stream().map(v -> v.id()).toList()));
    }

    @Test
    void withoutAFileThePublishedTermsAreTheOnlyPlan() {
        context.run(run -> {
            PlanCatalogue catalogue = run.getBean(PlanCatalogue.class);
            assertThat(catalogue.planNames()).containsExactly(PlanCatalogue.DEFAULT_PLAN);
            assertThat(run.getBean(PolicyHistory.class)).isSameAs(catalogue.defaultPlan());
        });
    }

    @Test
    void aPolicyFileReplacesThePublishedTerms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, publishedTerms().replace("biztek-2020-01", "custom-2020-01"));

        context.withPropertyValues("support.policy.file=" + file).run(run ->
                assertThat(run.getBean(PolicyHistory.class).versions()).extracting(v -> v.id())
                        .containsExactly("custom-2020-01"));
    }

    @Test
    void everyPlanOfTheFileIsInTheCatalogueAndThePolicyHistoryIsTheDefaultPlan() {
        context.withPropertyValues("support.policy.file=classpath:policy/two-plans.yaml").run(run -> {
            PlanCatalogue catalogue = run.getBean(PlanCatalogue.class);
            assertThat(catalogue.planNames()).containsExactly("standard", "gold");
            assertThat(catalogue.plan("gold").orElseThrow().versions()).extracting(v -> v.id())
                    .containsExactly("gold-2025-01");
            assertThat(run.getBean(PolicyHistory.class)).as("what services that know no plans measure against")
                    .isSameAs(catalogue.defaultPlan());
            assertThat(run.getBean(PolicyHistory.class).versions()).extracting(v -> v.id())
                    .containsExactly("standard-2020-01");
        });
    }

    @Test
    void aBadFileFailsStartUpNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "versions: nonsense");

        context.withPropertyValues("support.policy.file=" + file).run(run -> {
            assertThat(run).hasFailed();
            assertThat(run.getStartupFailure()).rootCause().hasMessageContaining("broken.yaml");
        });
    }

    @Test
    void aFileWithoutTheDefaultPlanFailsStartUp(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("no-standard.yaml"),
                "plans:\n  gold:\n" + publishedTerms().indent(4));

        context.withPropertyValues("support.policy.file=" + file).run(run -> {
            assertThat(run).hasFailed();
            assertThat(run.getStartupFailure()).rootCause().hasMessageContaining("no-standard.yaml")
                    .hasMessageContaining("'standard' is missing");
        });
    }

    private String publishedTerms() throws Exception {
        try (var published = getClass().getResourceAsStream("/" + PolicyFile.DEFAULT_RESOURCE)) {
            return new String(published.readAllBytes());
        }
    }
}
