package no.biztek.support.sla.streams;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.sla.clock.ClockMetrics;

/** Wires the SLA streams, their dead letters, health and Kafka Streams metrics. */
@Configuration(proxyBeanMethods = false)
class SlaStreamsConfiguration {

    @Bean(destroyMethod = "close")
    KafkaDeadLetterPublisher kafkaDeadLetterPublisher(KafkaProperties kafka, DeadLetterMetrics deadLetterMetrics) {
        return new KafkaDeadLetterPublisher(kafka.buildProducerProperties(), deadLetterMetrics);
    }

    @Bean
    SlaStreams slaStreams(KafkaProperties kafka, @Value("${spring.application.name}") String applicationName,
                          SlaStreamsProperties properties, PolicyHistory policies, Clock clock,
                          ClockMetrics metrics, KafkaDeadLetterPublisher deadLetters, MeterRegistry registry) {
        return new SlaStreams(kafka, applicationName, properties, policies, clock, metrics, deadLetters,
                new KafkaStreamsMicrometerListener(registry));
    }

    @Bean
    SlaStreamsHealthIndicator slaStreamsHealthIndicator(SlaStreams streams) {
        return new SlaStreamsHealthIndicator(streams);
    }

    @Bean
    SlaStreamsLivenessIndicator slaStreamsLivenessHealthIndicator(SlaStreams streams) {
        return new SlaStreamsLivenessIndicator(streams);
    }
}
