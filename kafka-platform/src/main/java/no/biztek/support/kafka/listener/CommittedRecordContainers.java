package no.biztek.support.kafka.listener;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Listener containers for a service's own consumer group on topics written by transactions: the application's
 * {@code spring.kafka.consumer.*} settings, then the group, {@code read_committed} (never an aborted write), from
 * the earliest offset when the group has none (a new group reads everything) and offsets committed by the
 * container, never by the client. Values stay raw bytes so that the listener decodes them and a record it cannot
 * decode goes to the dead letters ({@link ListenerDeadLetters}) instead of failing in the consumer.
 */
public final class CommittedRecordContainers {

    private CommittedRecordContainers() {
    }

    /** A container factory for {@code groupId}; {@code overrides} (e.g. {@code max.poll.records}) are set last. */
    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> forGroup(KafkaProperties kafka,
                                                                                    String groupId,
                                                                                    Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(overrides);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()));
        return factory;
    }
}
