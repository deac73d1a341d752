package no.biztek.support.escalation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.testing.ApiClient;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.testing.ProblemDocuments;
import no.biztek.support.testing.TopicRecords;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.schemas.topic.Topic;

/**
 * Base of the integration tests: the whole service on a random port against the module's one embedded
 * KRaft broker, WireMock as every webhook receiver and GreenMail as the SMTP server, and a test clock the
 * topology's timers and the API go by. Every subclass shares one application context (same settings).
 *
 * <p>Rotation (from Monday 5 January 2026, handover Mondays 09:00): Kari, Ola, Nora; in the week of
 * Tuesday 3 March 2026 Nora is on call and Kari is secondary; Dina is the duty manager. Each person's
 * webhook is {@code /hooks/<first name>} on WireMock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EscalationIntegrationTest.TestClock.class)
public abstract class EscalationIntegrationTest {

    /** Tuesday 3 March 2026, 02:00 in Oslo. */
    protected static final Instant NIGHT = Instant.parse("2026-03-03T01:00:00Z");
    protected static final String WRITER = "escalator-token";
    protected static final String READER = "reader-token";
    protected static final String TICKETS_WRITER = "writer-token";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final MutableClock CLOCK = new MutableClock(NIGHT);
    protected static final WireMockServer WEBHOOKS = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    protected static final int SMTP_PORT = freePort();
    protected static GreenMail mail = startMail();
    private static final String APPLICATION_ID = "escalation-it-" + UUID.randomUUID();
    private static final KafkaProducer<String, byte[]> PRODUCER;

    static {
        WEBHOOKS.start();
        PRODUCER = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS)),
                new StringSerializer(), new ByteArraySerializer());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path stateDir = Files.createTempDirectory("escalation-it-state");
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
        registry.add("spring.kafka.streams.application-id", () -> APPLICATION_ID);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("test.webhooks", WEBHOOKS::baseUrl);
    }

    @LocalServerPort
    protected int port;

    /** This service\'s HTTP API on {@link #port}. */
    protected final ApiClient api = new ApiClient(() -> port);

    @Autowired
    protected StreamsRunner streams;

    @Autowired
    protected List<TopicFollower<?>> followers;

    @BeforeEach
    void serviceReady() {
        WEBHOOKS.resetAll();
        WEBHOOKS.stubFor(WireMock.post(WireMock.urlPathMatching("/(hooks/.*|desk)")).willReturn(WireMock.ok()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING
                && followers.stream().allMatch(TopicFollower::isCaughtUp));
    }

    /**
     * Restarts the stream processing as a new machine would: stops it, deletes its local state and starts it again,
     * so every store is restored from its changelog topic.
     */
    protected void restartStreamsFromChangelogs() {
        KafkaStreams stopped = streams.streams();
        streams.stop();
        stopped.cleanUp();
        streams.start();
    }

    /** The Kafka Streams application id of the service under test (names its internal topics). */
    protected static String applicationId() {
        return APPLICATION_ID;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static GreenMail startMail() {
        GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    // ---- Kafka

    /** Publishes a record as another service would, encoded with the catalogue's serde. */
    protected static <V> void publish(Topic<String, V> topic, String key, V value) {
        sendRaw(topic.name(), key, value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    /**
     * Publishes many records as {@link #publish} does, all sent before any acknowledgement is awaited (one by one,
     * ten thousand records take a minute on a busy machine), in list order per key.
     */
    protected static <V> void publishAll(Topic<String, V> topic, Function<? super V, String> key,
                                         List<? extends V> values) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
        for (V value : values) {
            sent.add(PRODUCER.send(new ProducerRecord<>(topic.name(), key.apply(value),
                    topic.valueSerde().serializer().serialize(topic.name(), value))));
        }
        try {
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until this service's stream processing has read every record now in the topics (its consumer group
     * committed past them), so that what the next test publishes does not queue behind a burst this one sent.
     */
    protected static void awaitStreamsRead(Topic<?, ?>... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS)))) {
            List<String> names = Arrays.stream(topics).map(Topic::name).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
            Awaitility.await("stream processing reads " + names).atMost(Duration.ofSeconds(120)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata read = committed.get(end.getKey());
                    return end.getValue() == 0 || read != null && read.offset() >= end.getValue();
                });
            });
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void sendRaw(String topic, String key, byte[] value) {
        try {
            PRODUCER.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every committed record of a topic, from the beginning, decoded with the catalogue's serde. */
    protected static <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic) {
        List<ConsumerRecord<String, V>> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> raw : readRaw(topic.name())) {
            try {
                V value = topic.valueSerde().deserializer().deserialize(topic.name(), raw.value());
                decoded.add(new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.key(), value));
            } catch (RuntimeException e) {
                // a poison record some test wrote; not what the tests read back
            }
        }
        return decoded;
    }

    protected static List<ConsumerRecord<String, byte[]>> readRaw(String topic) {
        return TopicRecords.readAll(System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS), topic,
                new ByteArrayDeserializer());
    }

    /** Waits until a record matching the predicate is in the topic. */
    protected static <V> ConsumerRecord<String, V> awaitRecord(Topic<String, V> topic,
                                                               Predicate<ConsumerRecord<String, V>> matching) {
        return TopicRecords.await(() -> readAll(topic), matching, Duration.ofSeconds(30));
    }

    // ---- HTTP

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /**
     * The value of one series on {@code /actuator/prometheus}, e.g. {@code metric("support_oncall_pages_total",
     * "level=\"1\"")}; 0 when the series is not there.
     */
    protected double metric(String name, String labels) {
        String series = labels == null || labels.isEmpty() ? name + " " : name + "{" + labels + "} ";
        return api.get("/actuator/prometheus", null).body().lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).trim().split(" ")[0]))
                .findFirst().orElse(0);
    }

    /**
     * The ids of every item of a cursor-paged list ({@code path} with its query, e.g. {@code ?state=all}), read as
     * a client walks it: a first page of one item, then pages of at most {@code limit} items by each answer's
     * {@code nextCursor} until it is null.
     */
    protected List<String> idsAcrossPages(String path, String items, String id, int limit) {
        JsonNode first = json(api.get(path + "&limit=1", READER));
        assertThat(first.get(items)).hasSize(1);
        List<String> seen = new ArrayList<>(List.of(first.get(items).get(0).get(id).asString()));
        JsonNode cursor = first.get("nextCursor");
        while (!cursor.isNull()) {
            JsonNode page = json(api.get(path + "&limit=" + limit + "&cursor=" + cursor.asString(), READER));
            assertThat(page.get(items).size()).isBetween(1, limit);
            page.get(items).forEach(item -> seen.add(item.get(id).asString()));
            cursor = page.get("nextCursor");
        }
        return seen;
    }

    /** The problem document's {@code errors} as field → message. */
    protected static Map<String, String> errors(HttpResponse<String> response) {
        return ProblemDocuments.fieldErrors(response.body());
    }
}
