package no.biztek.support.notification.pipeline;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.notification.delivery.InternalTopics;
import no.biztek.support.notification.stage.PipelineMetrics;
import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.KafkaPlatformProperties;
import no.biztek.support.kafka.streams.StreamsConfigCustomizer;
import no.biztek.support.kafka.streams.StreamsRunnerConfiguration;
import no.biztek.support.notification.config.NotificationProperties;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * The pipeline's topics and settings, and its topology, which kafka-platform's {@code StreamsRunner} runs with
 * what this service adds to the Streams configuration.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    /** Read by the first versions; a deployment that still sets it would silently start as another application. */
    static final String FORMER_APPLICATION_ID = "support.notification.application-id";

    @Bean
    InternalTopics internalTopics(KafkaProperties kafka, Environment environment, KafkaPlatformProperties platform) {
        String applicationId = StreamsRunnerConfiguration.applicationId(kafka, environment);
        String former = environment.getProperty(FORMER_APPLICATION_ID);
        if (former != null && !former.equals(applicationId)) {
            throw new IllegalStateException(FORMER_APPLICATION_ID + " (" + former + ") is no longer read and differs "
                    + "from the application id in use (" + applicationId + "): set spring.kafka.streams.application-id="
                    + former + " to keep the service's state, topics and groups, and remove " + FORMER_APPLICATION_ID);
        }
        int partitions = platform.partitions() > 0 ? platform.partitions() : Topics.TICKET_EVENTS.defaultPartitions();
        return new InternalTopics(applicationId, partitions);
    }

    @Bean
    KafkaAdmin.NewTopics notificationInternalTopics(InternalTopics topics, NotificationProperties properties,
                                                    KafkaPlatformProperties platform) {
        short replicas = platform.replicationFactor();
        return new KafkaAdmin.NewTopics(
                topic(topics.commands().name(), topics.partitions(), replicas).build(),
                topic(topics.commands().deadLetterTopicName(), topics.partitions(), replicas).build(),
                sentTopic(topics.sent(), replicas, properties.dedupRetention()));
    }

    /**
     * The sent markers: compacted (one marker per notification) and deleted after the dedup retention, since a
     * command can only come back (retries, redelivery, a replayed cause) while its cause is remembered.
     */
    private static NewTopic sentTopic(Topic<?, ?> sent, short replicas, Duration dedupRetention) {
        return topic(sent.name(), sent.defaultPartitions(), replicas)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(dedupRetention.toMillis()))
                .build();
    }

    private static TopicBuilder topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas);
    }

    @Bean
    MailComposer mailComposer() {
        return new MailComposer();
    }

    @Bean
    PipelineSettings pipelineSettings(Clock clock, PlanCatalogue plans, NotificationProperties properties,
                                      @Value("${spring.application.name}") String service,
                                      DeadLetterMetrics deadLetterMetrics, InternalTopics topics,
                                      MeterRegistry registry) {
        for (Topic<?, ?> input : new Topic<?, ?>[] {Topics.TICKET_EVENTS, Topics.ESCALATION_EVENTS,
                Topics.NOTIFICATION_EVENTS, Topics.CUSTOMERS, topics.commands()}) {
            deadLetterMetrics.register(input.name());
        }
        return new PipelineSettings(clock, plans, properties.awaitingGrace(), properties.dedupRetention(),
                properties.maxCauseAge(), properties.cadenceCheckInterval(), service, deadLetterMetrics,
                new PipelineMetrics(registry));
    }

    @Bean
    Topology notificationTopology(PipelineSettings settings, InternalTopics topics, MailComposer composer) {
        return NotificationTopology.build(settings, topics, composer);
    }

    /** Replicas of the Streams' internal topics as of the platform's, every input read from its beginning. */
    @Bean
    StreamsConfigCustomizer notificationStreamsConfig(KafkaPlatformProperties platform) {
        return config -> {
            config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) platform.replicationFactor());
            config.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        };
    }
}
