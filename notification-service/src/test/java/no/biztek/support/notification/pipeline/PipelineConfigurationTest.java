package no.biztek.support.notification.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.mock.env.MockEnvironment;

import no.biztek.support.notification.delivery.InternalTopics;
import no.biztek.support.kafka.KafkaPlatformProperties;
import no.biztek.support.notification.config.NotificationProperties;

/** The application id, the one naming rule it prefixes, and what the service adds to the Streams configuration. */
class PipelineConfigurationTest {

    private final PipelineConfiguration configuration = new PipelineConfiguration();
    private final KafkaPlatformProperties platform = new KafkaPlatformProperties(null, (short) 3, 0, null, null, null, null);
    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.application.name", "notification-service");

    @Test
    void theApplicationIdIsSpringKafkaStreamsElseTheApplicationNameAndPrefixesEveryTopicAndGroup() {
        InternalTopics topics = configuration.internalTopics(new KafkaProperties(), environment, platform);
        assertThat(topics.applicationId()).isEqualTo("notification-service");
        assertThat(topics.commands().name()).isEqualTo("notification-service-commands.v1");
        assertThat(topics.commands().deadLetterTopicName()).isEqualTo("notification-service-commands.v1.DLT");
        assertThat(topics.sent().name()).isEqualTo("notification-service-sent.v1");
        assertThat(topics.senderGroup()).isEqualTo("notification-service-sender");
        assertThat(topics.customerCheckGroup()).isEqualTo("notification-service-customer-check");
        assertThat(topics.partitions()).isEqualTo(6);

        KafkaProperties kafka = new KafkaProperties();
        kafka.getStreams().setApplicationId("notifications-eu");
        assertThat(configuration.internalTopics(kafka, environment, platform).commands().name())
                .isEqualTo("notifications-eu-commands.v1");
    }

    @Test
    void theFormerApplicationIdPropertyIsNotSilentlyIgnoredWhenItNamesAnotherApplication() {
        environment.setProperty(PipelineConfiguration.FORMER_APPLICATION_ID, "notifications-legacy");

        assertThatThrownBy(() -> configuration.internalTopics(new KafkaProperties(), environment, platform))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.kafka.streams.application-id=notifications-legacy");

        KafkaProperties kafka = new KafkaProperties();
        kafka.getStreams().setApplicationId("notifications-legacy");
        assertThat(configuration.internalTopics(kafka, environment, platform).applicationId())
                .isEqualTo("notifications-legacy");
    }

    @Test
    void theStreamsConfigurationGetsThePlatformsReplicasAndTheEarliestOffsets() {
        Map<String, Object> config = new HashMap<>();

        configuration.notificationStreamsConfig(platform).customize(config);

        assertThat(config).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry("consumer.auto.offset.reset", "earliest");

        Map<String, Object> configured = new HashMap<>(Map.of("consumer.auto.offset.reset", "latest"));
        configuration.notificationStreamsConfig(platform).customize(configured);
        assertThat(configured).containsEntry("consumer.auto.offset.reset", "latest");
    }
}
