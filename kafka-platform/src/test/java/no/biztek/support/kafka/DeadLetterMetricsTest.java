package no.biztek.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DeadLetterMetricsTest {

    @Test
    void countsDeadLettersByOriginalTopicFromZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetterMetrics metrics = new DeadLetterMetrics(registry);

        metrics.register("support.inbound.v1");
        assertThat(registry.get("support.dead.letters").tag("topic", "support.inbound.v1").counter().count()).isZero();

        metrics.deadLettered("support.inbound.v1");
        metrics.deadLettered("support.inbound.v1");
        assertThat(registry.get("support.dead.letters").tag("topic", "support.inbound.v1").counter().count()).isEqualTo(2);
    }
}
