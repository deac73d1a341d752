package no.biztek.support.intake.mirror;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** Consumers for a {@link TopicMirror}: the service's Kafka settings, but no group, no commits, raw bytes. */
public final class MirrorConsumers {

    private MirrorConsumers() {
    }

    public static Supplier<Consumer<byte[], byte[]>> from(KafkaProperties kafka, String purpose) {
        return () -> {
            Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
            properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            properties.put(ConsumerConfig.CLIENT_ID_CONFIG, purpose + "-" + UUID.randomUUID());
            return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        };
    }
}
