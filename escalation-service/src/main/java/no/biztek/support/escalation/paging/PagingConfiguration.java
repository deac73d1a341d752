package no.biztek.support.escalation.paging;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

@Configuration(proxyBeanMethods = false)
class PagingConfiguration {

    /** The profile of a local run, which may use the documented development key. */
    static final String DEVELOPMENT_PROFILE = "local";

    /**
     * The schedule in force: the schedule topic's (a {@link CurrentSchedule} bean, when there is one) once it holds
     * one, until then the configured one, which seeds the topic.
     */
    @Bean
    OnCallSchedule onCallSchedule(PagingProperties properties, ObjectProvider<CurrentSchedule> current) {
        CurrentSchedule source = current.getIfAvailable(() -> java.util.Optional::empty);
        return new OnCallSchedule(() -> source.current().orElseGet(properties::schedule));
    }

    @Bean
    EscalationPolicy escalationPolicy(PagingProperties properties, OnCallSchedule schedule) {
        return new EscalationPolicy(properties.policy(), schedule);
    }

    /**
     * The acknowledgement link tokens. Outside the {@code local} profile a signing key (and a previous one) that
     * looks like a placeholder or is too predictable ({@link SigningKeyStrength}) fails start-up, naming the
     * property and never repeating the key.
     */
    @Bean
    AckTokens ackTokens(PagingProperties properties, Environment environment, Clock clock) {
        PagingProperties.AckLink link = properties.ackLink();
        if (!environment.matchesProfiles(DEVELOPMENT_PROFILE)) {
            requireStrong("signing-key", link.signingKey());
            if (link.previousSigningKey() != null) {
                requireStrong("previous-signing-key", link.previousSigningKey());
            }
        }
        return new AckTokens(link.signingKey(), link.previousSigningKey(), link.previousKeyValidUntilInstant(), clock);
    }

    private static void requireStrong(String property, String key) {
        SigningKeyStrength.problem(key).ifPresent(problem -> {
            throw new IllegalStateException("support.escalation.paging.ack-link." + property + " " + problem
                    + " (only the '" + DEVELOPMENT_PROFILE + "' profile accepts such a key)");
        });
    }

    /**
     * {@code support_oncall_pages_total{level}}, {@code support_oncall_time_to_acknowledge_seconds}
     * (a histogram: time from the first page to the acknowledgement, by the level that acknowledged) and
     * {@code support_oncall_pages_withdrawn_total} (shown at 0 from start-up).
     */
    @Bean
    PagingMetrics pagingMetrics(MeterRegistry registry) {
        Counter withdrawn = Counter.builder("support.oncall.pages.withdrawn")
                .description("Pages withdrawn because the SLA breach that caused them was corrected away")
                .register(registry);
        return new PagingMetrics() {
            @Override
            public void paged(int level) {
                Counter.builder("support.oncall.pages").description("Pages sent, first and re-escalated, by level")
                        .tag("level", Integer.toString(level)).register(registry).increment();
            }

            @Override
            public void acknowledged(int level, Duration sincePaged) {
                Timer.builder("support.oncall.time.to.acknowledge")
                        .description("Time from a page to its acknowledgement")
                        .tag("level", Integer.toString(level))
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofSeconds(10))
                        .maximumExpectedValue(Duration.ofHours(4))
                        .register(registry).record(sincePaged.isNegative() ? Duration.ZERO : sincePaged);
            }

            @Override
            public void withdrawn() {
                withdrawn.increment();
            }
        };
    }
}
