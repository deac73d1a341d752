package no.biztek.support.escalation.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The acknowledgement links' signing key at start-up: outside the {@code local} profile a placeholder or a
 * predictable key fails start-up with a message naming the property (never the key); a random key starts; the
 * {@code local} profile accepts its development key.
 */
class AckLinkKeyValidationTest {

    /** From {@code openssl rand -base64 48}. */
    static final String GOOD_KEY = "sxqd/t5WIPVCYGY2KmECFG7PG48+7oxoKyO0wIX6mUS1DPpSxBnJztz8SW7/ZI9X";
    static final String OTHER_GOOD_KEY = "q0Jd3mW9+YvUo2kTnbXf8LcR1sZpA7eGhKi4NtVx6yQ/wMjE5zOa3rDlPuCg0HBS";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PagingProperties.class)
    static class Context {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-03T01:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private static ApplicationContextRunner with(String... more) {
        List<String> values = new ArrayList<>(TestPaging.SMALLEST_CONFIGURATION);
        values.addAll(List.of(more));
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                        ValidationAutoConfiguration.class))
                .withUserConfiguration(Context.class, PagingConfiguration.class)
                .withPropertyValues(values.toArray(String[]::new));
    }

    private static String key(String value) {
        return "support.escalation.paging.ack-link.signing-key=" + value;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"replace-with-32-or-more-random-characters", "changeme-changeme-changeme-changeme-1",
            "my-example-signing-key-for-escalation-links", "Super-Secret-Ack-Link-Key-2026-Biztek-Oslo",
            "password1234567890password1234567890", "local-development-signing-key-not-secret"})
    void aPlaceholderFailsStartUpNamingThePropertyButNotTheKey(String placeholder) {
        with(key(placeholder)).run(context -> {
            assertThat(context).hasFailed();
            String message = messages(context.getStartupFailure());
            assertThat(message).contains("support.escalation.paging.ack-link.signing-key looks like a placeholder")
                    .contains("openssl rand -base64 48").doesNotContain(placeholder);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababababababababababababab",
            "11111111112222222222333333333344444444445555555555"})
    void aPredictableKeyFailsStartUpNamingTheProperty(String predictable) {
        with(key(predictable)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("support.escalation.paging.ack-link.signing-key is too predictable")
                    .contains("at least 128 needed").doesNotContain(predictable);
        });
    }

    @Test
    void aRandomKeyStarts() {
        with(key(GOOD_KEY)).run(context -> {
            assertThat(context).hasNotFailed();
            AckTokens tokens = context.getBean(AckTokens.class);
            String token = tokens.issue("page-1", "kari@biztek.example", Instant.parse("2026-03-04T00:00:00Z"));
            assertThat(tokens.verify(token)).isPresent();
        });
    }

    @Test
    void theLocalProfileAcceptsItsDevelopmentKey() {
        with("spring.profiles.active=local", key("local-development-signing-key-not-secret"))
                .run(context -> assertThat(context).hasNotFailed());
        with("spring.profiles.active=local", key("replace-with-32-or-more-random-characters"))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aPreviousKeyIsCheckedLikeTheCurrentOne() {
        with(key(GOOD_KEY), "support.escalation.paging.ack-link.previous-signing-key="
                        + "replace-with-32-or-more-random-characters",
                "support.escalation.paging.ack-link.previous-key-valid-until=2026-03-04T01:00:00Z").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("support.escalation.paging.ack-link.previous-signing-key looks like a placeholder");
        });
    }

    @Test
    void aPreviousKeyNeedsItsValidUntil() {
        with(key(GOOD_KEY), "support.escalation.paging.ack-link.previous-signing-key=" + OTHER_GOOD_KEY).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("ack-link.previous-key-valid-until: required with previous-signing-key");
        });
        with(key(GOOD_KEY), "support.escalation.paging.ack-link.previous-signing-key=" + GOOD_KEY,
                "support.escalation.paging.ack-link.previous-key-valid-until=2026-03-04T01:00:00Z").run(context ->
                assertThat(messages(context.getStartupFailure())).contains("must differ from signing-key"));
    }

    @Test
    void anEmptyPreviousKeyAsTheDefaultConfigurationHasItIsNone() {
        with(key(GOOD_KEY), "support.escalation.paging.ack-link.previous-signing-key=",
                "support.escalation.paging.ack-link.previous-key-valid-until=").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PagingProperties.class).ackLink().previousSigningKey()).isNull();
        });
    }

    @Test
    void aRotatedConfigurationStartsAndVerifiesLinksOfThePreviousKeyUntilItsTime() {
        String oldLink = new AckTokens(OTHER_GOOD_KEY).issue("page-1", "kari@biztek.example",
                Instant.parse("2026-03-04T00:00:00Z"));
        with(key(GOOD_KEY), "support.escalation.paging.ack-link.previous-signing-key=" + OTHER_GOOD_KEY,
                "support.escalation.paging.ack-link.previous-key-valid-until=2026-03-03T02:00:00+01:00").run(context -> {
            assertThat(context).hasNotFailed();
            // the context's clock says 2026-03-03T01:00Z, the previous key verifies until 01:00Z (exclusive)
            assertThat(context.getBean(AckTokens.class).verify(oldLink)).as("at its valid-until").isEmpty();
        });
        with(key(GOOD_KEY), "support.escalation.paging.ack-link.previous-signing-key=" + OTHER_GOOD_KEY,
                "support.escalation.paging.ack-link.previous-key-valid-until=2026-03-03T02:00:01+01:00").run(context ->
                assertThat(context.getBean(AckTokens.class).verify(oldLink)).as("a second before").isPresent());
    }
}
