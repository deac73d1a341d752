package no.biztek.support.notification.customer;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.backoff.FixedBackOff;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.listener.CommittedRecordContainers;
import no.biztek.support.kafka.listener.ListenerDeadLetters;
import no.biztek.support.kafka.listener.ListenerRetries;
import no.biztek.support.notification.delivery.InternalTopics;
import no.biztek.support.schemas.topic.Topics;

/**
 * The consumer that dead-letters invalid customer directory records, with the platform's listener dead letters
 * ({@link ListenerDeadLetters}): an invalid record goes to {@code support.customers.v1.DLT} at once, a dead letter
 * Kafka does not acknowledge is tried again until it is (never skipped).
 */
@Configuration(proxyBeanMethods = false)
class CustomerConfiguration {

    static final String CONTAINER_FACTORY = "customerCheckContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> customerCheckContainerFactory(KafkaProperties kafka,
            InternalTopics topics, KafkaTemplate<String, byte[]> notificationKafkaTemplate,
            DeadLetterMetrics deadLetterMetrics, @Value("${spring.application.name}") String service) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                CommittedRecordContainers.forGroup(kafka, topics.customerCheckGroup(), Map.of());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        // nothing but an invalid record is expected to fail; anything else a few times, then the dead letters
        factory.setCommonErrorHandler(new ListenerDeadLetters(notificationKafkaTemplate, service, deadLetterMetrics)
                .errorHandler("customer", ListenerRetries.of(new FixedBackOff(1_000, 3)), Topics.CUSTOMERS));
        return factory;
    }

    @Bean
    CustomerDirectoryCheck customerDirectoryCheck() {
        return new CustomerDirectoryCheck();
    }
}
