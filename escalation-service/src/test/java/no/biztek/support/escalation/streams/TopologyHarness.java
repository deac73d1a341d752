package no.biztek.support.escalation.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.escalation.paging.InternalTopics;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.escalation.billing.BillingMetrics;
import no.biztek.support.escalation.paging.EscalationPolicy;
import no.biztek.support.escalation.paging.OnCallSchedule;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PagingMetrics;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.PagingTopology;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.topic.Topic;

/** The whole topology in a TopologyTestDriver, with a test clock that moves with the driver's wall clock. */
public final class TopologyHarness implements AutoCloseable {

    public static final Topic<String, PageCommand> COMMANDS = new InternalTopics("escalation-test").pageCommands();

    public final MutableClock clock;
    public final TopologyTestDriver driver;
    /** Where the topology counts its dead letters ({@code support.dead.letters{topic}}). */
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Path stateDir;

    public TopologyHarness(PagingProperties paging, Instant start, PagingMetrics pagingMetrics,
                           BillingMetrics billingMetrics) {
        this(paging, PolicyFile.defaultPolicy(), start, pagingMetrics, billingMetrics);
    }

    public TopologyHarness(PagingProperties paging, PolicyHistory policies, Instant start, PagingMetrics pagingMetrics,
                           BillingMetrics billingMetrics) {
        this.clock = new MutableClock(start);
        EscalationPolicy escalation = new EscalationPolicy(paging.policy(), new OnCallSchedule(paging.schedule()));
        var settings = new PagingTopology.Settings(Duration.ofSeconds(1), 100, Duration.ofDays(30),
                "escalation-service");
        var topology = EscalationTopology.build(policies, escalation, paging.breachLevels(), settings, COMMANDS,
                clock::instant, pagingMetrics, billingMetrics, new DeadLetterMetrics(registry));
        try {
            stateDir = Files.createTempDirectory("escalation-ttd");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "escalation-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(topology, props, start);
    }

    /** Moves the test clock and the driver's wall clock together (punctuators run). */
    public void advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    public <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer(),
                clock.instant(), Duration.ZERO);
    }

    public TestInputTopic<String, byte[]> rawInput(Topic<?, ?> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), new ByteArraySerializer());
    }

    public <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), new StringDeserializer(), topic.valueSerde().deserializer());
    }

    /** How many records of the topic the topology dead-lettered ({@code support_dead_letters_total{topic}}). */
    public double deadLettered(Topic<?, ?> topic) {
        var counter = registry.find("support.dead.letters").tag("topic", topic.name()).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The topology's committed page state: the {@code pages} store, what its changelog carries. */
    public java.util.Map<String, no.biztek.support.escalation.paging.PageState> pageStates() {
        java.util.Map<String, no.biztek.support.escalation.paging.PageState> states = new java.util.LinkedHashMap<>();
        org.apache.kafka.streams.state.KeyValueStore<String, no.biztek.support.escalation.paging.PageState> store =
                driver.getKeyValueStore("pages");
        try (var all = store.all()) {
            all.forEachRemaining(kv -> states.put(kv.key, kv.value));
        }
        return states;
    }

    public TestOutputTopic<String, byte[]> deadLetters(Topic<?, ?> topic) {
        return driver.createOutputTopic(topic.deadLetterTopicName(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    public static <V> List<V> values(TestOutputTopic<String, V> topic) {
        List<V> values = new ArrayList<>();
        for (TestRecord<String, V> record : topic.readRecordsToList()) {
            values.add(record.value());
        }
        return values;
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary directory; best effort
        }
    }

}
