package no.biztek.support.notification.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.delivery.InternalTopics;
import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.notification.stage.PipelineMetrics;
import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.schemas.topic.Topic;

/** The notification pipeline's topology in a {@link TopologyTestDriver}, checking every 30 seconds. */
final class PipelineDriver {

    static final Duration CHECK = Duration.ofSeconds(30);

    private PipelineDriver() {
    }

    static PipelineSettings settings(Clock clock, PlanCatalogue plans, SimpleMeterRegistry meters) {
        return new PipelineSettings(clock, plans, Duration.ofMinutes(15), Duration.ofDays(90), Duration.ofDays(90),
                CHECK, "notification-service", new DeadLetterMetrics(meters), new PipelineMetrics(meters));
    }

    /** A driver on a fresh state directory under {@code stateDir}, its wall clock at {@code now}. */
    static TopologyTestDriver start(PipelineSettings settings, InternalTopics topics, Path stateDir, Instant now)
            throws IOException {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-service");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(stateDir, "state").toString());
        return new TopologyTestDriver(NotificationTopology.build(settings, topics, new MailComposer()), props, now);
    }

    static <V> TestInputTopic<String, V> input(TopologyTestDriver driver, Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer());
    }

    static TestOutputTopic<String, NotificationCommand> commands(TopologyTestDriver driver, InternalTopics topics) {
        return driver.createOutputTopic(topics.commands().name(), new StringDeserializer(),
                JsonSerde.of(NotificationCommand.class).deserializer());
    }
}
