package no.biztek.support.sla.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Readiness: UP only while the SLA streams are RUNNING (not while starting, restoring or rebalancing). */
class SlaStreamsHealthIndicator implements HealthIndicator {

    private final SlaStreams streams;

    SlaStreamsHealthIndicator(SlaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.down()).withDetail("state", state.name())
                .build();
    }
}
