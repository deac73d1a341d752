package no.biztek.support.kafka.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.deadletter.UnprocessableRecordException;
import no.biztek.support.schemas.topic.CleanupPolicy;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topic;

/** A listener container with the platform's error handler, against the embedded broker. */
class ListenerDeadLettersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    private final Topic<String, byte[]> topic = new Topic<>("test.listener-" + UUID.randomUUID(), Serdes.String(),
            Serdes.ByteArray(), CleanupPolicy.DELETE, 1);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> processed = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private KafkaTemplate<String, byte[]> template;
    private KafkaMessageListenerContainer<String, byte[]> container;

    @BeforeEach
    void topics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic.name(), 1, (short) 1),
                    new NewTopic(topic.deadLetterTopicName(), 1, (short) 1))).all().get();
        }
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
                new ByteArraySerializer()));
    }

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
        template.destroy();
    }

    /** Starts the listener: it throws what {@code failure} says for a key (null: it processes the record). */
    private void listen(DefaultErrorHandler errorHandler, Function<String, RuntimeException> failure) {
        ContainerProperties properties = new ContainerProperties(topic.name());
        properties.setGroupId("test-" + UUID.randomUUID());
        properties.setMessageListener((MessageListener<String, byte[]>) record -> {
            attempts.computeIfAbsent(record.key(), key -> new AtomicInteger()).incrementAndGet();
            RuntimeException thrown = failure.apply(record.key());
            if (thrown != null) {
                throw thrown;
            }
            processed.add(record.key());
        });
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer()), properties);
        container.setCommonErrorHandler(errorHandler);
        container.start();
    }

    private DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> deadLetters, ListenerRetries retries) {
        return new ListenerDeadLetters(deadLetters, "test-service", new DeadLetterMetrics(registry))
                .errorHandler("test", retries, topic);
    }

    private RecordMetadata send(String key, String value) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", ("trace-of-" + key).getBytes(StandardCharsets.UTF_8));
        return template.send(new ProducerRecord<>(topic.name(), null, key, value.getBytes(StandardCharsets.UTF_8),
                headers)).get().getRecordMetadata();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers), new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic.deadLetterTopicName(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private double counted() {
        return registry.get("support.dead.letters").tag("topic", topic.name()).counter().count();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aRecordTheListenerCannotProcessIsDeadLetteredAtOnceWithItsExplanationAndCountedAndTheNextOneIsProcessed()
            throws Exception {
        listen(errorHandler(template, ListenerRetries.of(new FixedBackOff(10, 3))),
                key -> key.equals("poison") ? new UnprocessableRecordException("not a ticket event") : null);
        assertThat(counted()).as("the series is there from the start").isZero();

        send("before", "fine");
        RecordMetadata poison = send("poison", "\u0000garbage");
        send("after", "fine");

        Awaitility.await().atMost(PATIENCE).until(() -> processed.contains("after"));
        assertThat(processed).containsExactly("before", "after");
        assertThat(attempts.get("poison")).as("not retried").hasValue(1);
        ConsumerRecord<String, byte[]> letter = Awaitility.await().atMost(PATIENCE)
                .until(this::deadLetters, letters -> !letters.isEmpty()).get(0);
        assertThat(letter.key()).isEqualTo("poison");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("\u0000garbage");
        assertThat(header(letter, "trace")).isEqualTo("trace-of-poison");
        assertThat(header(letter, DeadLetterHeaders.REASON))
                .isEqualTo(UnprocessableRecordException.class.getName() + ": not a ticket event");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic.name());
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo(Long.toString(poison.offset()));
        assertThat(header(letter, DeadLetterHeaders.SERVICE)).isEqualTo("test-service");
        assertThat(counted()).isEqualTo(1.0);
    }

    @Test
    void anyOtherFailureIsRetriedAsTheRetriesSayAndThenDeadLettered() throws Exception {
        listen(errorHandler(template, ListenerRetries.of(new FixedBackOff(10, 2))),
                key -> key.equals("bug") ? new IllegalStateException("a bug of ours") : null);

        send("bug", "fine");
        send("after", "fine");

        Awaitility.await().atMost(PATIENCE).until(() -> processed.contains("after"));
        assertThat(attempts.get("bug")).as("tried once and retried twice").hasValue(3);
        ConsumerRecord<String, byte[]> letter = Awaitility.await().atMost(PATIENCE)
                .until(this::deadLetters, letters -> !letters.isEmpty()).get(0);
        assertThat(letter.key()).isEqualTo("bug");
        assertThat(header(letter, DeadLetterHeaders.REASON))
                .startsWith("java.lang.IllegalStateException: a bug of ours");
        assertThat(counted()).isEqualTo(1.0);
    }

    @Test
    void aFailureCausedBySomethingAwayIsRetriedUntilItIsBackAndNeverDeadLettered() throws Exception {
        // the other failures would be given up after one retry; Kafka away fails three times, then it is back
        listen(errorHandler(template, ListenerRetries.of(new FixedBackOff(10, 1)).untilBack(Away.class)),
                key -> key.equals("waits") && attempts.get(key).get() <= 3
                        ? new IllegalStateException("could not publish", new Away()) : null);

        send("waits", "fine");
        send("after", "fine");

        Awaitility.await().atMost(PATIENCE).until(() -> processed.contains("after"));
        assertThat(processed).containsExactly("waits", "after");
        assertThat(attempts.get("waits")).hasValue(4);
        assertThat(deadLetters()).isEmpty();
        assertThat(counted()).isZero();
    }

    @Test
    void aDeadLetterKafkaDidNotTakeIsWrittenWhenItCanBeAndTheRecordIsNeverSkipped() throws Exception {
        AtomicBoolean kafkaAway = new AtomicBoolean(true);
        KafkaTemplate<String, byte[]> flaky = new KafkaTemplate<>(template.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                if (kafkaAway.getAndSet(false)) {
                    return CompletableFuture.failedFuture(new KafkaException("not acknowledged in time"));
                }
                return super.send(record);
            }
        };
        listen(errorHandler(flaky, ListenerRetries.of(new FixedBackOff(10, 0))),
                key -> key.equals("poison") ? new UnprocessableRecordException("not a ticket event") : null);

        send("poison", "garbage");
        send("after", "fine");

        Awaitility.await().atMost(PATIENCE).until(() -> processed.contains("after"));
        assertThat(attempts.get("poison")).as("handed over again after the failed dead letter").hasValue(2);
        Optional<ConsumerRecord<String, byte[]>> letter = Awaitility.await().atMost(PATIENCE)
                .until(() -> deadLetters().stream().findFirst(), Optional::isPresent);
        assertThat(letter.get().key()).isEqualTo("poison");
        assertThat(deadLetters()).hasSize(1);
        assertThat(counted()).as("counted when written, not when it failed").isEqualTo(1.0);
    }

    /** Something the listener needs that is away for a while (e.g. a broker that does not acknowledge). */
    static final class Away extends RuntimeException {
        Away() {
            super("away");
        }
    }
}
