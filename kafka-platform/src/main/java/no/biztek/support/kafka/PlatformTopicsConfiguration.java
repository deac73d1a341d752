package no.biztek.support.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import no.biztek.support.schemas.topic.CleanupPolicy;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * Declares every topic of the catalogue and its dead-letter topic, so that whichever service starts
 * first creates them (event and dead-letter topics kept forever unless {@code support.kafka.event-retention}
 * says otherwise; upstream JSON on the inbound topic keeps the broker's retention), and counts dead letters ({@link DeadLetterMetrics}) (Spring Kafka's {@link KafkaAdmin} creates missing topics and leaves existing ones).
 */
@AutoConfiguration
@EnableConfigurationProperties(KafkaPlatformProperties.class)
public class PlatformTopicsConfiguration {

    @Bean
    DeadLetterMetrics deadLetterMetrics(ObjectProvider<MeterRegistry> registry) {
        return new DeadLetterMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnProperty(name = "support.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics platformTopics(KafkaPlatformProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.all()) {
            int partitions = properties.partitions() > 0 ? properties.partitions() : topic.defaultPartitions();
            TopicBuilder builder = TopicBuilder.name(topic.name()).partitions(partitions)
                    .replicas(properties.replicationFactor())
                    .config(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue());
            if (topic.cleanupPolicy() == CleanupPolicy.DELETE && topic != Topics.INBOUND) {
                builder.config(TopicConfig.RETENTION_MS_CONFIG, properties.eventRetentionMs());
            }
            topics.add(builder.build());
            topics.add(TopicBuilder.name(topic.deadLetterTopicName()).partitions(partitions)
                    .replicas(properties.replicationFactor())
                    .config(TopicConfig.RETENTION_MS_CONFIG, properties.eventRetentionMs()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
