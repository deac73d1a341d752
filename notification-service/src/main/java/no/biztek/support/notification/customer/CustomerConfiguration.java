package no.biztek.support.notification.customer;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.backoff.FixedBackOff;

import no.biztek.support.kafka.DeadLetterMetrics;
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
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topics.customerCheckGroup());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()));
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
