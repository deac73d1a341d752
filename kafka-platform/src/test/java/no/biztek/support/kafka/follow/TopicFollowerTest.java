package no.biztek.support.kafka.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.topic.Topics;

class TopicFollowerTest {

    private final String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    private final Map<String, Customer> view = new ConcurrentHashMap<>();
    private TopicFollower<Customer> follower;
    private KafkaProducer<String, Customer> producer;

    @BeforeEach
    void follow() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            if (!admin.listTopics().names().get().contains(Topics.CUSTOMERS.name())) {
                NewTopic topic = TopicBuilder.name(Topics.CUSTOMERS.name()).partitions(2).compact().build();
                admin.createTopics(List.of(topic)).all().get();
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), Topics.CUSTOMERS.valueSerde().serializer());
        follower = new TopicFollower<>(Topics.CUSTOMERS, () -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                List.of((key, value) -> {
                    if (value == null) {
                        view.remove(key);
                    } else {
                        view.put(key, value);
                    }
                }));
        follower.start();
    }

    @AfterEach
    void stop() {
        follower.stop();
        producer.close();
    }

    @Test
    void readsWhatWasWrittenBeforeAndAfterItStarted() throws Exception {
        String before = "c-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.CUSTOMERS.name(), before, customer(before))).get();

        assertThat(follower.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        assertThat(view).containsKey(before);

        String after = "c-" + UUID.randomUUID();
        RecordMetadata written = producer.send(new ProducerRecord<>(Topics.CUSTOMERS.name(), after, customer(after))).get();
        follower.readBack(written, Duration.ofSeconds(20));
        assertThat(view).containsKey(after);
        assertThat(follower.isCaughtUp()).isTrue();
    }

    @Test
    void aTombstoneOfACompactedTopicReachesTheViews() throws Exception {
        String id = "c-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.CUSTOMERS.name(), id, customer(id))).get();
        RecordMetadata tombstone = producer.send(new ProducerRecord<>(Topics.CUSTOMERS.name(), id, null)).get();

        follower.readBack(tombstone, Duration.ofSeconds(20));

        assertThat(view).doesNotContainKey(id);
    }

    @Test
    void findCatchesUpBeforeAnsweringEmpty() throws Exception {
        String id = "c-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.CUSTOMERS.name(), id, customer(id))).get();

        Optional<Customer> found = follower.find(() -> Optional.ofNullable(view.get(id)), Duration.ofSeconds(20));

        assertThat(found).hasValueSatisfying(c -> assertThat(c.getCustomerId()).isEqualTo(id));
        assertThat(follower.find(() -> Optional.ofNullable(view.get("nobody")), Duration.ofSeconds(20))).isEmpty();
    }

    @Test
    void manyCallersWaitingAtOnceAreAllAnswered() throws Exception {
        assertThat(follower.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        // each caller wakes the consumer, also while it looks up end offsets for the callers before it
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "c-" + i + "-" + UUID.randomUUID();
                if (i % 20 == 0) {
                    producer.send(new ProducerRecord<>(Topics.CUSTOMERS.name(), id, customer(id)));
                }
                answers.add(callers.submit(() -> follower.awaitCaughtUp(Duration.ofSeconds(20))));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void undecodableRecordsAreSkipped() throws Exception {
        try (var raw = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.CUSTOMERS.name(), "poison", new byte[] {1, 2, 3})).get();
        }
        String id = "c-" + UUID.randomUUID();
        RecordMetadata written = producer.send(new ProducerRecord<>(Topics.CUSTOMERS.name(), id, customer(id))).get();

        follower.readBack(written, Duration.ofSeconds(20));

        assertThat(view).containsKey(id).doesNotContainKey("poison");
    }

    private static Customer customer(String id) {
        return Customer.newBuilder().setCustomerId(id).setName("Kunde").setLocale(CustomerLocale.NB)
                .setNotificationContacts(List.of()).setUpdatedAt(Instant.now()).setProducer("test").build();
    }
}
