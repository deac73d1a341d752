package no.biztek.support.kafka.streams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of a service's Kafka Streams application, with one meaning everywhere: {@link #readiness} (health
 * contributor {@code kafkaStreams}, for the readiness group) is UP while the application processes (RUNNING, or
 * REBALANCING after it has been RUNNING); {@link #liveness} ({@code kafkaStreamsLiveness}, for the liveness group) is DOWN only once it
 * failed for good.
 */
public final class StreamsHealth {

    private StreamsHealth() {
    }

    public static HealthIndicator readiness(StreamsRunner runner) {
        return () -> (runner.isReady() ? Health.up() : Health.down()).withDetail("state", runner.state().name()).build();
    }

    public static HealthIndicator liveness(StreamsRunner runner) {
        return () -> (runner.hasFailed() ? Health.down() : Health.up()).withDetail("state", runner.state().name())
                .build();
    }
}
