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
    void aPathWriteScopeOutsideTheApiFailsStartUpNamingTheField() {
        runner.withPropertyValues("support.api.path-write-scopes[0].paths[0]=/actuator/**",
                        "support.api.path-write-scopes[0].scope=customers:write")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("pathWriteScopes[0].paths[0]")
                            .hasMessageContaining("under /api/");
                });
    }

    @Test
    void pathWriteScopesAreBound() {
        runner.withPropertyValues("support.api.write-scope=tickets:write",
                        "support.api.path-write-scopes[0].paths[0]=/api/v1/customers/**",
                        "support.api.path-write-scopes[0].scope=customers:write")
                .run(context -> assertThat(context.getBean(HttpApiProperties.class).pathWriteScopes())
                        .singleElement().satisfies(rule -> {
                            assertThat(rule.paths()).containsExactly("/api/v1/customers/**");
                            assertThat(rule.scope()).isEqualTo("customers:write");
                        }));
    }

    @Test
    void defaultsNeedNoConfiguration() {
        runner.run(context -> {
            HttpApiProperties properties = context.getBean(HttpApiProperties.class);
            assertThat(properties.tokens()).isEmpty();
            assertThat(properties.writeScope()).isNull();
            assertThat(properties.pathWriteScopes()).isEmpty();
            assertThat(properties.maxRequestSize().toKilobytes()).isEqualTo(64);
        });
    }

}
