package no.biztek.support.kafka.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The consumer a service's own listener group gets: the application's settings, then the platform's rules. */
class CommittedRecordContainersTest {

    @Test
    void readsOnlyCommittedRecordsFromTheEarliestAndLeavesCommitsToTheContainer() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("broker-1:9092"));
        kafka.getConsumer().setAutoOffsetReset("latest");
        kafka.getConsumer().setEnableAutoCommit(true);

        Map<String, Object> config = CommittedRecordContainers.forGroup(kafka, "notification-sender", Map.of())
                .getConsumerFactory().getConfigurationProperties();

        assertThat(config)
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, List.of("broker-1:9092"))
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "notification-sender")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void theCallersOverridesComeLast() {
        Map<String, Object> config = CommittedRecordContainers.forGroup(new KafkaProperties(), "escalation-delivery",
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5)).getConsumerFactory().getConfigurationProperties();

        assertThat(config).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "escalation-delivery");
    }
}
