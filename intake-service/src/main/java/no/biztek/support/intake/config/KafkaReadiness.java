package no.biztek.support.intake.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import no.biztek.support.kafka.follow.TopicFollower;

/**
 * Ready when Kafka answers and the ticket directory has read what was in the topic at start-up; part
 * of the readiness group, so a load balancer stops sending requests that could only answer 503.
 */
@Component("kafka")
class KafkaReadiness implements HealthIndicator, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;
    private final List<TopicFollower<?>> followers;

    KafkaReadiness(KafkaAdmin kafkaAdmin, List<TopicFollower<?>> followers) {
        this.admin = Admin.create(Map.copyOf(kafkaAdmin.getConfigurationProperties()));
        this.followers = followers;
    }

    @Override
    public Health health() {
        try {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            boolean caughtUp = followers.stream().allMatch(TopicFollower::isCaughtUp);
            return (caughtUp ? Health.up() : Health.outOfService().withDetail("reason", "reading tickets and customers"))
                    .withDetail("clusterId", clusterId).build();
        } catch (Exception e) {
            return Health.down().withDetail("reason", "Kafka unreachable").build();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
