package no.biztek.support.escalation.streams;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.billing.BillingMetrics;
import no.biztek.support.escalation.paging.EscalationPolicy;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PagingMetrics;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.PagingTopology;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.KafkaPlatformProperties;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/** Wires the topology into a running Kafka Streams application, with its topic layout check and health. */
@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

    /** How long each admin request of the start-up topic check may take. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The internal command topic. Its catalogue partition count is not used to create it: {@link TopicLayout}
     * creates it with the actual partition count of the escalation topic.
     */
    @Bean
    Topic<String, PageCommand> pageCommandTopic(StreamsProperties streams) {
        return PageCommand.topic(streams.applicationId(), Topics.ESCALATION_EVENTS.defaultPartitions());
    }

    @Bean
    TopicLayout topicLayout(KafkaAdmin admin, Topic<String, PageCommand> commands, KafkaPlatformProperties platform) {
        return new TopicLayout(admin.getConfigurationProperties(), commands, platform.createTopics(),
                platform.replicationFactor(), ADMIN_TIMEOUT);
    }

    @Bean
    EscalationStreams escalationStreams(KafkaProperties kafka, StreamsProperties properties, PolicyHistory policies,
                                        EscalationPolicy escalation, PagingProperties paging,
                                        Topic<String, PageCommand> commands, Clock clock,
                                        PagingMetrics pagingMetrics, BillingMetrics billingMetrics,
                                        DeadLetterMetrics deadLetters,
                                        @Value("${spring.application.name}") String producer, MeterRegistry registry) {
        // support_dead_letters_total{topic} shows 0 for every input before anything is dead-lettered
        EscalationTopology.inputTopics(commands).forEach(deadLetters::register);
        var settings = new PagingTopology.Settings(properties.punctuationInterval(),
                properties.maxTimersPerPunctuation(), properties.endedPageRetention(), producer);
        return new EscalationStreams(kafka, properties, () -> EscalationTopology.build(policies, escalation,
                paging.breachPaging(), settings, commands, clock::instant, pagingMetrics, billingMetrics, deadLetters),
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
