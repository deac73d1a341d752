package no.biztek.support.notification.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.KafkaPlatformProperties;
import no.biztek.support.notification.NotificationProperties;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.topic.Topics;

/** The pipeline's topics, settings and Kafka Streams application. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    InternalTopics internalTopics(NotificationProperties properties, KafkaPlatformProperties platform) {
        int partitions = platform.partitions() > 0 ? platform.partitions() : Topics.TICKET_EVENTS.defaultPartitions();
        return new InternalTopics(properties.applicationId(), partitions, platform.replicationFactor());
    }

    @Bean
    KafkaAdmin.NewTopics notificationInternalTopics(InternalTopics topics, NotificationProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(topics, topics.commands()).build(),
                topic(topics, topics.commandsDeadLetters()).build(),
                sentTopic(topics, properties.dedupRetention()));
    }

    /**
     * The sent markers: compacted (one marker per notification) and deleted after the dedup retention, since a
     * command can only come back (retries, redelivery, a replayed cause) while its cause is remembered.
     */
    static NewTopic sentTopic(InternalTopics topics, Duration dedupRetention) {
        return topic(topics, topics.sent())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(dedupRetention.toMillis()))
                .build();
    }

    private static TopicBuilder topic(InternalTopics topics, String name) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor());
    }

    @Bean
    MailComposer mailComposer() {
        return new MailComposer();
    }

    @Bean
    PipelineSettings pipelineSettings(Clock clock, PolicyHistory policies, NotificationProperties properties,
                                      @Value("${spring.application.name}") String service,
                                      DeadLetterMetrics deadLetterMetrics, InternalTopics topics,
                                      MeterRegistry registry) {
        for (String input : new String[] {Topics.TICKET_EVENTS.name(), Topics.ESCALATION_EVENTS.name(),
                Topics.NOTIFICATION_EVENTS.name(), Topics.CUSTOMERS.name(), topics.commands()}) {
            deadLetterMetrics.register(input);
        }
        return new PipelineSettings(clock, policies, properties.awaitingGrace(), properties.dedupRetention(),
                properties.maxCauseAge(), properties.cadenceCheckInterval(), service, deadLetterMetrics,
                new PipelineMetrics(registry));
    }

    @Bean
    NotificationStreams notificationStreams(PipelineSettings settings, InternalTopics topics, MailComposer composer,
                                            KafkaProperties kafka, NotificationProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.applicationId());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicationFactor());
        config.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        if (properties.applicationServer() != null) {
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, properties.applicationServer());
        }
        return new NotificationStreams(NotificationTopology.build(settings, topics, composer), config);
    }
}
