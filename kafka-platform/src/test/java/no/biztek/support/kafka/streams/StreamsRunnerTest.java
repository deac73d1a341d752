package no.biztek.support.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import no.biztek.support.kafka.PlatformTopicsConfiguration;

/** The one way every service runs its topology: configuration, lifecycle and health, on a real broker. */
class StreamsRunnerTest {

    private final String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    /** For tests of the configuration alone: the application starts and stops at once, reaching no broker. */
    private static final String NO_BROKER = "spring.kafka.bootstrap-servers=127.0.0.1:1";

    @TempDir
    java.nio.file.Path stateDir;

    private ApplicationContextRunner context() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, PlatformTopicsConfiguration.class,
                        StreamsRunnerConfiguration.class))
                .withPropertyValues("spring.kafka.bootstrap-servers=" + brokers, "spring.application.name=runner-test",
                        "support.kafka.create-topics=false",
                        "spring.kafka.streams.state-dir=" + stateDir,
                        "spring.kafka.streams.properties.commit.interval.ms=100",
                        "spring.kafka.streams.properties.replication.factor=1");
    }

    @Test
    void aServiceWithoutATopologyRunsNoStreams() {
        context().run(context -> assertThat(context).doesNotHaveBean(StreamsRunner.class)
                .doesNotHaveBean("kafkaStreams"));
    }

    @Test
    void theConfigurationComesFromSpringKafkaStreamsWithExactlyOnceAndTheServicesAdditions() {
        context().withBean(Topology.class, StreamsRunnerTest::passThrough)
                .withBean(StreamsConfigCustomizer.class, () -> config -> {
                    config.put("application.server", "127.0.0.1:8082");
                    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
                })
                .run(context -> {
                    Map<String, Object> config = context.getBean(StreamsRunner.class).config();
                    assertThat(config).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "runner-test")
                            .containsEntry("application.server", "127.0.0.1:8082")
                            .containsEntry("commit.interval.ms", "100")
                            .as("exactly-once whatever a customizer says")
                            .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
                });
        context().withBean(Topology.class, StreamsRunnerTest::passThrough)
                .withPropertyValues("spring.kafka.streams.application-id=another-id")
                .run(context -> assertThat(context.getBean(StreamsRunner.class).config())
                        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "another-id"));
    }

    @Test
    void instancesAdvertiseThisHostsOwnAddressAndKeepAStandbyCopyUnlessConfiguredOtherwise() {
        context().withBean(Topology.class, StreamsRunnerTest::passThrough)
                .withPropertyValues(NO_BROKER, "support.kafka.advertised-port=8099")
                .run(context -> assertThat(context.getBean(StreamsRunner.class).config())
                        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, ThisHost.address() + ":8099")
                        .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1));
        context().withBean(Topology.class, StreamsRunnerTest::passThrough)
                .withPropertyValues(NO_BROKER, "support.kafka.advertised-host=sla-timer-1.sla-timer.support.svc",
                        "support.kafka.advertised-port=8082",
                        "spring.kafka.streams.properties.num.standby.replicas=0")
                .run(context -> assertThat(context.getBean(StreamsRunner.class).config())
                        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG,
                                "sla-timer-1.sla-timer.support.svc:8082")
                        .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0"));
        context().withBean(Topology.class, StreamsRunnerTest::passThrough)
                .withPropertyValues(NO_BROKER, "server.address=127.0.0.1", "support.kafka.advertised-port=8083")
                .run(context -> assertThat(context.getBean(StreamsRunner.class).config())
                        .as("the one address the server listens on")
                        .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:8083"));
        context().withBean(Topology.class, StreamsRunnerTest::passThrough).withPropertyValues(NO_BROKER)
                .run(context -> assertThat(context.getBean(StreamsRunner.class).config())
                        .as("no HTTP server started, no port configured: nothing to advertise")
                        .doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }

    @Test
    void theTopologyRunsWithTheContextAndItsHealthSaysSo() throws Exception {
        String in = "runner-in-" + UUID.randomUUID();
        String out = "runner-out-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1))).all().get();
        }
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), in)
                .addSink("out", out, new StringSerializer(), new StringSerializer(), "in");

        context().withBean(Topology.class, () -> topology)
                .withPropertyValues("spring.kafka.streams.application-id=runner-" + UUID.randomUUID())
                .run(context -> {
                    StreamsRunner runner = context.getBean(StreamsRunner.class);
                    HealthIndicator readiness = context.getBean("kafkaStreams", HealthIndicator.class);
                    HealthIndicator liveness = context.getBean("kafkaStreamsLiveness", HealthIndicator.class);
                    Awaitility.await().atMost(Duration.ofSeconds(60)).until(runner::isReady);
                    assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);

                    try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
                            new StringSerializer())) {
                        producer.send(new ProducerRecord<>(in, "k", "v")).get();
                    }
                    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG,
                            "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                            new StringDeserializer(), new StringDeserializer())) {
                        consumer.subscribe(List.of(out));
                        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                                consumer.poll(Duration.ofMillis(200)).count() > 0);
                    }

                    runner.stop();
                    assertThat(runner.state().name()).isEqualTo("NOT_RUNNING");
                    assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(liveness.health().getStatus()).as("stopped, not failed").isEqualTo(Status.UP);
                });
    }

    @Test
    void anApplicationThatNeverReachedTheBrokerIsNotReadyThoughKafkaStreamsSaysRebalancing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, PlatformTopicsConfiguration.class,
                        StreamsRunnerConfiguration.class))
                .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.application.name=unreachable",
                        "support.kafka.create-topics=false", "support.kafka.streams-close-timeout=2s",
                        "spring.kafka.streams.state-dir=" + stateDir)
                .withBean(Topology.class, StreamsRunnerTest::passThrough)
                .run(context -> {
                    StreamsRunner runner = context.getBean(StreamsRunner.class);
                    runner.start();
                    Awaitility.await().atMost(Duration.ofSeconds(10))
                            .until(() -> runner.state() == org.apache.kafka.streams.KafkaStreams.State.REBALANCING);
                    assertThat(runner.isReady()).isFalse();
                    assertThat(context.getBean("kafkaStreams", HealthIndicator.class).health().getStatus())
                            .isEqualTo(Status.DOWN);
                    assertThat(context.getBean("kafkaStreamsLiveness", HealthIndicator.class).health().getStatus())
                            .isEqualTo(Status.UP);
                    runner.stop();
                });
    }

    @Test
    void aDeadStreamThreadIsReplaced() {
        assertThat(StreamsRunner.onUncaughtException(new IllegalStateException("a bug")).name())
                .isEqualTo("REPLACE_THREAD");
    }

    private static Topology passThrough() {
        Topology topology = new Topology();
        topology.addSource("in", "anything").addSink("out", "elsewhere", "in");
        return topology;
    }
}
