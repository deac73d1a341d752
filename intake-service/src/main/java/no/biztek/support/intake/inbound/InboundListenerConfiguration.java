package no.biztek.support.intake.inbound;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.listener.ListenerDeadLetters;
import no.biztek.support.kafka.listener.ListenerRetries;
import no.biztek.support.schemas.topic.Topics;

/**
 * The inbound consumer, with the platform's listener dead letters ({@link ListenerDeadLetters}): a rejected record
 * goes straight to {@code support.inbound.v1.DLT} with the reason and original coordinates; Kafka unavailable while
 * publishing is retried with backoff for as long as it takes, so no record is lost; any other failure (a fault of
 * ours) is retried a few times and then dead-lettered too, so one record cannot stall its partition.
 */
@Configuration(proxyBeanMethods = false)
class InboundListenerConfiguration {

    private static final long UNEXPECTED_FAILURE_RETRIES = 3;
    private static final long UNEXPECTED_FAILURE_INTERVAL_MS = 1_000;

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> inboundContainerFactory(KafkaProperties kafka,
            KafkaTemplate<Object, Object> template, DeadLetterMetrics deadLetterMetrics, MeterRegistry meters,
            @Value("${spring.application.name}") String service) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        var consumers = new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumers.addListener(new MicrometerConsumerListener<>(meters)); // kafka_consumer_* metrics, lag included
        factory.setConsumerFactory(consumers);
        DefaultErrorHandler errorHandler = new ListenerDeadLetters(template, service, deadLetterMetrics)
                .errorHandler("inbound", retries(), Topics.INBOUND);
        errorHandler.addNotRetryableExceptions(RejectedInboundEvent.class);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    /** Kafka away: retry until it is back (nothing is lost); anything else: a few times, then the dead-letter topic. */
    static ListenerRetries retries() {
        return ListenerRetries.of(new FixedBackOff(UNEXPECTED_FAILURE_INTERVAL_MS, UNEXPECTED_FAILURE_RETRIES))
                .untilBack(BrokerUnavailableException.class);
    }
}
