package no.biztek.support.escalation.streams;

import java.time.Clock;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.billing.BillingMetrics;
import no.biztek.support.escalation.paging.EscalationPolicy;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PagingMetrics;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.PagingTopology;
import no.biztek.support.kafka.KafkaPlatformProperties;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/** Wires the topology into a running Kafka Streams application, with its command topic and health. */
@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

    @Bean
    Topic<String, PageCommand> pageCommandTopic(StreamsProperties streams, KafkaPlatformProperties platform) {
        int partitions = platform.partitions() > 0 ? platform.partitions() : Topics.ESCALATION_EVENTS.defaultPartitions();
        return PageCommand.topic(streams.applicationId(), partitions);
    }

    @Bean
    @ConditionalOnProperty(name = "support.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics pageCommandTopics(Topic<String, PageCommand> commands, KafkaPlatformProperties platform) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(commands.name()).partitions(commands.defaultPartitions())
                        .replicas(platform.replicationFactor()).build(),
                TopicBuilder.name(commands.deadLetterTopicName()).partitions(commands.defaultPartitions())
                        .replicas(platform.replicationFactor()).build());
    }

    @Bean
    EscalationStreams escalationStreams(KafkaProperties kafka, StreamsProperties properties, PolicyHistory policies,
                                        EscalationPolicy escalation, PagingProperties paging,
                                        Topic<String, PageCommand> commands, Clock clock,
                                        PagingMetrics pagingMetrics, BillingMetrics billingMetrics,
                                        @Value("${spring.application.name}") String producer, MeterRegistry registry) {
        var settings = new PagingTopology.Settings(properties.punctuationInterval(),
                properties.maxTimersPerPunctuation(), properties.endedPageRetention(), producer);
        return new EscalationStreams(kafka, properties, () -> EscalationTopology.build(policies, escalation,
                paging.breachPaging(), settings, commands, clock::instant, pagingMetrics, billingMetrics),
                new KafkaStreamsMicrometerListener(registry));
    }

    /** Readiness: the stream processing runs (or is rebalancing, which it does now and then). */
    @Bean
    HealthIndicator escalationStreamsHealthIndicator(EscalationStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            Health.Builder health = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                    ? Health.up() : Health.down();
            return health.withDetail("state", state.name()).build();
        };
    }
}
