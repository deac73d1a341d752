package no.biztek.support.notification.pipeline;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP while the Kafka Streams pipeline runs (or rebalances, or starts), DOWN once it has stopped (on an error the
 * replaced stream threads could not get over, e.g. of the global thread). Part of the liveness and readiness
 * groups, so a stopped pipeline takes the instance out of service and gets it restarted.
 */
@Component("notificationPipeline")
class PipelineHealthIndicator implements HealthIndicator {

    private final NotificationStreams streams;

    PipelineHealthIndicator(NotificationStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                || state == KafkaStreams.State.CREATED;
        return (up ? Health.up() : Health.down()).withDetail("state", state.name()).build();
    }
}
