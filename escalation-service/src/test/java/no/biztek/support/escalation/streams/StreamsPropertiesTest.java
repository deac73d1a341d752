package no.biztek.support.escalation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The paging topology's settings; the keys that moved to the platform fail start-up instead of being ignored. */
class StreamsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StreamsProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class)
            .withPropertyValues("support.escalation.streams.punctuation-interval=1s",
                    "support.escalation.streams.max-timers-per-punctuation=1000",
                    "support.escalation.streams.ended-page-retention=P30D");

    @Test
    void theTimerSettingsBind() {
        runner.run(context -> assertThat(context.getBean(StreamsProperties.class))
                .isEqualTo(new StreamsProperties(Duration.ofSeconds(1), 1000, Duration.ofDays(30))));
    }

    @Test
    void theApplicationIdAndCloseTimeoutOfEarlierVersionsFailStartUpNamingTheProperty() {
        for (String moved : new String[] {"application-id=escalation-service", "close-timeout=30s"}) {
            runner.withPropertyValues("support.escalation.streams." + moved).run(context -> {
                assertThat(context).hasFailed();
                assertThat(messages(context.getStartupFailure()))
                        .contains("support.escalation.streams." + moved.substring(0, moved.indexOf('=')));
            });
        }
    }

    @Test
    void tooFewTimersPerPunctuationFail() {
        runner.withPropertyValues("support.escalation.streams.max-timers-per-punctuation=0")
                .run(context -> assertThat(messages(context.getStartupFailure()))
                        .contains("maxTimersPerPunctuation"));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
