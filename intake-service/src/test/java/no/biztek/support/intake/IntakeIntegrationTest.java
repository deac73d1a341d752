package no.biztek.support.intake;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.testing.ApiClient;
import no.biztek.support.testing.ProblemDocuments;
import no.biztek.support.testing.TopicRecords;
import no.biztek.support.schemas.topic.Topic;

/**
 * Base of intake's integration tests: the whole service on a random port against the module's one
 * embedded KRaft broker, with helpers to call it and to read what it published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntakeIntegrationTest {

    protected static final String WRITER = "writer-token";
    protected static final String READER = "reader-token";
    /** customers:write and read: the customer directory's writer, not a ticket writer. */
    protected static final String DIRECTORY = "directory-token";
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    /** This service\'s HTTP API on {@link #port}. */
    protected final ApiClient api = new ApiClient(() -> port);

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The problem document's {@code errors} as field → message. */
    protected static Map<String, String> errors(HttpResponse<String> response) {
        return ProblemDocuments.fieldErrors(response.body());
    }

    /** Every record of a topic, from the beginning, decoded with the catalogue's serdes. */
    protected static <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic) {
        return readAll(topic.name(), topic.valueSerde().deserializer());
    }

    protected static <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> values) {
        return TopicRecords.readAll(System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS), topic,
                values);
    }

    /** Waits until a record matching the predicate is in the topic. */
    protected static <V> ConsumerRecord<String, V> awaitRecord(Topic<String, V> topic,
                                                               Predicate<ConsumerRecord<String, V>> matching) {
        return TopicRecords.await(() -> readAll(topic), matching, Duration.ofSeconds(20));
    }

    /** How many records the topic holds in all partitions. */
    protected static long count(String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
