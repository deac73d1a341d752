package no.biztek.support.sla.api;

import java.util.Collection;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.sla.clock.SlaTopology;

/**
 * Health contributor {@code slaStatus} (the health group {@code sla-status}): UP while this instance can answer a
 * ticket's SLA status or forward it to the instance that can, that is while it is in the group (RUNNING or
 * REBALANCING) and knows which instances hold the clocks. The readiness group does not include it: the deadline
 * preview needs no Kafka, so the instance stays ready to serve its API while the clocks are away.
 */
@Component("slaStatus")
class SlaStatusHealth implements HealthIndicator {

    private final StreamsRunner runner;

    SlaStatusHealth(StreamsRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        KafkaStreams streams = runner.streams();
        KafkaStreams.State state = runner.state();
        if (streams == null || !state.isRunningOrRebalancing()) {
            return Health.down().withDetail("state", state.name()).build();
        }
        Collection<StreamsMetadata> holders;
        try {
            holders = streams.streamsMetadataForStore(SlaTopology.CLOCK_STORE);
        } catch (RuntimeException e) {
            return Health.down().withDetail("state", state.name()).withDetail("error", e.getMessage()).build();
        }
        int partitions = holders.stream().mapToInt(m -> m.topicPartitions().size()).sum();
        return (partitions > 0 ? Health.up() : Health.down()).withDetail("state", state.name())
                .withDetail("instances", holders.size()).withDetail("partitions", partitions).build();
    }
}
