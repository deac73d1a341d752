package no.biztek.support.policy.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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
    void aPolicyFileReplacesThePublishedTerms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        try (var demo = getClass().getResourceAsStream("/policy/biztek-sla-policy.yaml")) {
            Files.writeString(file, new String(demo.readAllBytes()).replace("biztek-2020-01", "custom-2020-01"));
        }

        context.withPropertyValues("support.policy.file=" + file).run(run ->
                assertThat(run.getBean(PolicyHistory.class).versions()).extracting(v -> v.id())
                        .containsExactly("custom-2020-01"));
    }

    @Test
    void aBadFileFailsStartUpNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "versions: nonsense");

        context.withPropertyValues("support.policy.file=" + file).run(run -> {
            assertThat(run).hasFailed();
            assertThat(run.getStartupFailure()).rootCause().hasMessageContaining("broken.yaml");
        });
    }
}
