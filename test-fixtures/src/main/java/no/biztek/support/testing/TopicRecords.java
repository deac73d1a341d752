package no.biztek.support.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** What a topic on a broker holds. */
public final class TopicRecords {

    private TopicRecords() {
    }

    /** Every committed record of a topic, from the beginning of each partition to its end now. */
    public static <V> List<ConsumerRecord<String, V>> readAll(String bootstrapServers, String topic,
                                                              Deserializer<V> values) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Waits, up to {@code atMost}, until a record matching the predicate is among the records read, and returns it. */
    public static <V> ConsumerRecord<String, V> await(Supplier<List<ConsumerRecord<String, V>>> records,
                                                      Predicate<ConsumerRecord<String, V>> matching, Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> records.get().stream().filter(matching).findFirst(), Optional::isPresent).get();
    }
}
