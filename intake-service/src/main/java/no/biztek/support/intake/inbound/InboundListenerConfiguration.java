package no.biztek.support.intake.inbound;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.DeadLetters;
import no.biztek.support.schemas.topic.Topics;

/**
 * The inbound consumer: a rejected record goes straight to {@code support.inbound.v1.DLT} with the
 * reason and original coordinates; anything else (Kafka unavailable while publishing) is retried with
 * backoff for as long as it takes, so no record is lost.
 */
@Configuration(proxyBeanMethods = false)
class InboundListenerConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> inboundContainerFactory(KafkaProperties kafka,
            KafkaTemplate<Object, Object> template, DeadLetterMetrics deadLetterMetrics,
            @Value("${spring.application.name}") String service) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer()));
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.INBOUND.deadLetterTopicName(), -1));
        recoverer.setHeadersFunction((record, failure) -> DeadLetters.explanation(record.topic(), record.partition(),
                record.offset(), failure.getCause() != null ? failure.getCause() : failure, service));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        deadLetterMetrics.register(Topics.INBOUND.name());
        var errorHandler = new DefaultErrorHandler((record, failure) -> {
            recoverer.accept(record, failure);
            deadLetterMetrics.deadLettered(record.topic());
        }, backOff);
        errorHandler.addNotRetryableExceptions(RejectedInboundEvent.class);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }
}
