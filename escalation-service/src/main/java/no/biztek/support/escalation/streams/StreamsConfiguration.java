package no.biztek.support.escalation.streams;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

import no.biztek.support.escalation.paging.InternalTopics;
import no.biztek.support.escalation.paging.TopicLayout;
import no.biztek.support.escalation.billing.BillingMetrics;
import no.biztek.support.escalation.paging.EscalationPolicy;
import no.biztek.support.escalation.paging.PagingMetrics;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.PagingTopology;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.KafkaPlatformProperties;
import no.biztek.support.kafka.streams.StreamsRunnerConfiguration;
import no.biztek.support.policy.PlanCatalogue;

/**
 * The escalation topology, which kafka-platform's {@code StreamsRunner} runs (with its health contributors
 * {@code kafkaStreams} and {@code kafkaStreamsLiveness}), the service's internal topics, and the topic layout check
 * that runs before it. The service adds nothing to the platform's Kafka Streams configuration.
 */
@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

    /** How long each admin request of the start-up topic check may take. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    InternalTopics internalTopics(KafkaProperties kafka, Environment environment) {
        return new InternalTopics(StreamsRunnerConfiguration.applicationId(kafka, environment));
    }

    @Bean
    TopicLayout topicLayout(KafkaAdmin admin, InternalTopics topics, KafkaPlatformProperties platform) {
        return new TopicLayout(admin.getConfigurationProperties(), topics.pageCommands(), platform.createTopics(),
                platform.replicationFactor(), ADMIN_TIMEOUT);
    }

    @Bean
    Topology escalationTopology(PlanCatalogue plans, EscalationPolicy escalation, PagingProperties paging,
                                StreamsProperties properties, InternalTopics topics, Clock clock,
                                PagingMetrics pagingMetrics, BillingMetrics billingMetrics,
                                DeadLetterMetrics deadLetters, @Value("${spring.application.name}") String producer) {
        var settings = new PagingTopology.Settings(properties.punctuationInterval(),
                properties.maxTimersPerPunctuation(), properties.endedPageRetention(), producer);
        return EscalationTopology.build(plans, escalation, paging.breachLevels(), settings, topics.pageCommands(),
                clock::instant, pagingMetrics, billingMetrics, deadLetters);
    }
}
