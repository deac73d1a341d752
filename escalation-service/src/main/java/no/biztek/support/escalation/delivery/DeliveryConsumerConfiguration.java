package no.biztek.support.escalation.delivery;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

import no.biztek.support.escalation.paging.InternalTopics;
import no.biztek.support.escalation.paging.TopicLayout;
import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.listener.CommittedRecordContainers;
import no.biztek.support.kafka.listener.ListenerDeadLetters;
import no.biztek.support.kafka.listener.ListenerRetries;
import no.biztek.support.kafka.startup.StartupStep;
import no.biztek.support.schemas.topic.Topics;

/** The Kafka consumers of the delivery listeners (pages and desk warnings): group, offsets, retries, concurrency. */
@Configuration(proxyBeanMethods = false)
class DeliveryConsumerConfiguration {

    /** Records fetched per poll: a page may take a while on a slow channel, and the next poll must come in time. */
    static final int MAX_POLL_RECORDS = 5;
    /** Retries of a record whose handling failed (a fault of ours), then it is dead-lettered. */
    static final int MAX_RECORD_RETRIES = 4;

    /**
     * The delivery consumers: a group of their own ({@code <application-id>-delivery}), committed records
     * only, from the earliest offset for a new group (stale pages are skipped, not delivered), a few records
     * per poll; dead letters as every listener of the platform writes them ({@link #errorHandler}).
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> deliveryContainerFactory(KafkaProperties kafka,
            InternalTopics topics, KafkaTemplate<Object, Object> template, DeadLetterMetrics deadLetterMetrics,
            @Value("${spring.application.name}") String service) {
        var factory = CommittedRecordContainers.forGroup(kafka, topics.applicationId() + "-delivery",
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS));
        factory.setCommonErrorHandler(errorHandler(new ListenerDeadLetters(template, service, deadLetterMetrics)));
        return factory;
    }

    /**
     * An undeliverable page or withdrawal ({@link PageDeliveryListener.PageUndeliverableException}) goes to
     * {@code support.escalation-events.v1.DLT} at once; a record whose handling throws because Kafka did not
     * acknowledge (its DELIVERY_FAILED command) is retried until Kafka is back; any other failure is retried a
     * bounded number of times with backoff ({@link #recordBackOff}), then dead-lettered, never skipped.
     */
    static DefaultErrorHandler errorHandler(ListenerDeadLetters deadLetters) {
        DefaultErrorHandler errorHandler = deadLetters.errorHandler("delivery", retries(), Topics.ESCALATION_EVENTS,
                Topics.SLA_EVENTS);
        errorHandler.addNotRetryableExceptions(PageDeliveryListener.PageUndeliverableException.class);
        return errorHandler;
    }

    static ListenerRetries retries() {
        return ListenerRetries.of(recordBackOff()).untilBack(BrokerUnavailableException.class);
    }

    /** 0.5 s, 1 s, 2 s, 4 s: then the record is dead-lettered (never an endless loop of re-deliveries). */
    static BackOff recordBackOff() {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(MAX_RECORD_RETRIES);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(5_000);
        return backOff;
    }

    /**
     * Sets the page-delivery listener's concurrency to the partition count of the escalation topic (read at
     * start-up by {@link TopicLayout}), before the listener containers start: pages of different partitions
     * are delivered at the same time.
     */
    @Bean
    StartupStep deliveryConcurrency(TopicLayout layout, KafkaListenerEndpointRegistry registry) {
        // after the topic layout check, long before the listener containers start
        return new StartupStep(Integer.MIN_VALUE + 1600) {
            @Override
            protected void run() {
                MessageListenerContainer container = registry.getListenerContainer(PageDeliveryListener.ID);
                if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
                    concurrent.setConcurrency(layout.partitions());
                }
            }
        };
    }
}
