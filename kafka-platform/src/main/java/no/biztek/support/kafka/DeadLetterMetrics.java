package no.biztek.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code support_dead_letters_total{topic}}: records a service wrote to a dead-letter topic, by the
 * topic they came from. The alert DeadLettersGrowing watches it.
 */
public final class DeadLetterMetrics {

    private final MeterRegistry registry;

    public DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one record of {@code originalTopic} sent to its dead-letter topic. */
    public void deadLettered(String originalTopic) {
        counter(originalTopic).increment();
    }

    /** Shows the counter at 0 before anything was dead-lettered, so dashboards and alerts see the series. */
    public void register(String originalTopic) {
        counter(originalTopic);
    }

    private Counter counter(String originalTopic) {
        return Counter.builder("support.dead.letters").tag("topic", originalTopic)
                .description("Records written to the topic's dead-letter topic").register(registry);
    }
}
