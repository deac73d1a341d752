package no.biztek.support.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import no.biztek.support.schemas.topic.Topic;

/** Reads a topic of the platform from the beginning, as a downstream system would (committed records only). */
final class EventLog {

    private final String bootstrap;

    EventLog(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    <V> List<V> all(Topic<String, V> topic, Predicate<V> matching) {
        return timed(topic, matching).stream().map(Timed::value).toList();
    }

    /** A value with its record's timestamp (for an SLA event: when the clock emitted it). */
    record Timed<V>(V value, Instant timestamp) {
    }

    <V> List<Timed<V>> timed(Topic<String, V> topic, Predicate<V> matching) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Timed<V>> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && matching.test(record.value())) {
                        values.add(new Timed<>(record.value(), Instant.ofEpochMilli(record.timestamp())));
                    }
                }
            }
            return values;
        }
    }

    /** Waits until a matching value is in the topic. */
    <V> V await(String what, Topic<String, V> topic, Predicate<V> matching, Duration timeout) {
        return Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> all(topic, matching).stream().findFirst(), Optional::isPresent).get();
    }
}
