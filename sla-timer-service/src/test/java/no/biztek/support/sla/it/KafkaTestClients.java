package no.biztek.support.sla.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.testing.TicketEvents;

/** Producers and read-committed readers against the embedded broker. */
final class KafkaTestClients {

    private KafkaTestClients() {
    }

    static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

    /** A fresh ticket id that Kafka's default partitioner puts on the given partition of {@code partitions}. */
    static String ticketOnPartition(int partition, int partitions) {
        while (true) {
            String ticketId = TicketEvents.newTicketId();
            byte[] key = ticketId.getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % partitions == partition) {
                return ticketId;
            }
        }
    }

    static void send(TicketEvent... events) {
        try (KafkaProducer<String, TicketEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(), ProducerConfig.ACKS_CONFIG, "all"),
                Topics.TICKET_EVENTS.keySerde().serializer(), Topics.TICKET_EVENTS.valueSerde().serializer())) {
            for (TicketEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS.name(), event.getTicketId(), event));
            }
            producer.flush();
        }
    }

    static void sendRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS.name(), key, value));
            producer.flush();
        }
    }

    /** Reads a topic from the beginning, committed records only, keeping what matches. */
    static final class TopicReader<V> implements AutoCloseable {

        private final KafkaConsumer<String, V> consumer;
        private final Predicate<ConsumerRecord<String, V>> filter;
        private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

        TopicReader(String topic, Deserializer<V> valueDeserializer, Predicate<ConsumerRecord<String, V>> filter) {
            this.filter = filter;
            this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), valueDeserializer);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Everything read so far, after one more poll. */
        synchronized List<ConsumerRecord<String, V>> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (filter.test(record)) {
                    records.add(record);
                }
            });
            return List.copyOf(records);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    static TopicReader<SlaEvent> slaEvents(java.util.Collection<String> ticketIds) {
        return new TopicReader<>(Topics.SLA_EVENTS.name(), Topics.SLA_EVENTS.valueSerde().deserializer(),
                record -> ticketIds.contains(record.key()));
    }

    static TopicReader<byte[]> deadLetters(String key) {
        return new TopicReader<>(Topics.TICKET_EVENTS.deadLetterTopicName(), new ByteArrayDeserializer(),
                record -> key.equals(record.key()));
    }
}
