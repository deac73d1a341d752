package no.biztek.support.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;


class HttpApiPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @org.springframework.boot.context.properties.EnableConfigurationProperties(HttpApiProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void aTokenThatIsNotASha256HashFailsStartUpNamingTheField() {
        runner.withPropertyValues("support.api.tokens[0].name=desk", "support.api.tokens[0].sha256=plain-text-token",
                        "support.api.tokens[0].scopes=read")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("support.api.tokens[0].sha256")
                            .hasMessageContaining("64 lower-case hex digits");
                });
    }

    @Test
    void aTokenWithoutScopesFailsStartUp() {
        runner.withPropertyValues("support.api.tokens[0].name=desk",
                        "support.api.tokens[0].sha256=" + "a".repeat(64))
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void defaultsNeedNoConfiguration() {
        runner.run(context -> {
            HttpApiProperties properties = context.getBean(HttpApiProperties.class);
            assertThat(properties.tokens()).isEmpty();
            assertThat(properties.writeScope()).isNull();
            assertThat(properties.maxRequestSize().toKilobytes()).isEqualTo(64);
        });
    }

}
