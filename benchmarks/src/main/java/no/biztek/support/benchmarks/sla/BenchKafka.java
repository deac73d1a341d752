package no.biztek.support.benchmarks.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/** The driver's side of the broker: topics, ticket events in, SLA events out, the input offsets. */
final class BenchKafka {

    private static final String INPUT = Topics.TICKET_EVENTS.name();

    private final String brokers;

    BenchKafka(String brokers) {
        this.brokers = brokers;
    }

    String brokers() {
        return brokers;
    }

    /** Creates the input and output topics and their dead-letter topics, if missing. */
    void ensureTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : List.of(Topics.TICKET_EVENTS, Topics.SLA_EVENTS)) {
                for (String name : List.of(topic.name(), topic.deadLetterTopicName())) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, topic.defaultPartitions(), (short) 1));
                    }
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    /** Creates a scratch topic of the benchmark's own, if missing. */
    void ensureTopic(String name, int partitions) throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get().contains(name)) {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
            }
        }
    }

    /** The number of ticket events the input topic holds (the sum of its partitions' end offsets). */
    long endOffsets() throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(INPUT)).allTopicNames().get().get(INPUT).partitions()
                    .forEach(p -> request.put(new TopicPartition(INPUT, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset).sum();
        }
    }

    /** Waits until the group has committed every input offset, sampling its progress every 200 ms. */
    Progress awaitCaughtUp(String applicationId, long total, Duration timeout) throws Exception {
        Progress progress = new Progress();
        long start = System.nanoTime();
        try (Admin admin = admin()) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                long sum = committed.entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(INPUT) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
                double seconds = (System.nanoTime() - start) / 1e9;
                progress.add(seconds, sum);
                if (sum >= total) {
                    return progress;
                }
                if (seconds > timeout.toSeconds()) {
                    throw new IllegalStateException("not caught up after " + timeout + ": " + sum + " of " + total);
                }
                Thread.sleep(200);
            }
        }
    }

    /** A batching producer of ticket events (acks=all, lz4). */
    KafkaProducer<String, TicketEvent> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                Topics.TICKET_EVENTS.keySerde().serializer(), Topics.TICKET_EVENTS.valueSerde().serializer());
    }

    static void send(KafkaProducer<String, TicketEvent> producer, TicketEvent event) {
        producer.send(new ProducerRecord<>(INPUT, event.getTicketId(), event));
    }

    /** A consumer that sees SLA events once their transaction committed, as the downstream services do. */
    KafkaConsumer<String, SlaEvent> committedSlaEvents() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(),
                Topics.SLA_EVENTS.valueSerde().deserializer());
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }
}
