package no.biztek.support.sla.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Liveness: DOWN once the SLA streams failed for good (ERROR), so the platform restarts the instance.
 * Starting, rebalancing or an unreachable broker are not reasons to restart.
 */
class SlaStreamsLivenessIndicator implements HealthIndicator {

    private final SlaStreams streams;

    SlaStreamsLivenessIndicator(SlaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
        return (failed ? Health.down() : Health.up()).withDetail("state", state.name()).build();
    }
}
