package no.biztek.support.kafka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topics;

/**
 * The route in a DSL topology: decoded records go on keyed as they came (no repartition implied), tombstones pass
 * where the route lets them, and a step after a repartition dead-letters through a sink of its own sub-topology.
 */
class DeadLetterRouteDslTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void decodedRecordsGoOnAndEveryOtherRecordAndALaterStepsRefusalGoToTheDeadLetterTopic() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetterRoute<TicketEvent> route = DeadLetterRoute.of(Topics.TICKET_EVENTS, "test-service",
                new DeadLetterMetrics(registry)).withTombstones();
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Decoded<TicketEvent>> decoded = route.stream(builder,
                (key, event) -> key.equals(event.getTicketId()) ? null : "key differs from ticketId");
        decoded.mapValues(value -> value.value() == null ? "deleted" : value.value().getEventId())
                .to("processed", Produced.with(Serdes.String(), Serdes.String()));
        decoded.filter((key, value) -> value.value() != null).mapValues(Decoded::value)
                .repartition(Repartitioned.with(Serdes.String(), Topics.TICKET_EVENTS.valueSerde()).withName("again"))
                .process(() -> new RefusingStep(route), Named.as("step"));
        Topology topology = builder.build();
        route.addSink(topology, "step");

        assertThat(topology.describe().subtopologies()).as("the step's sink joins no sub-topologies").hasSize(2);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties())) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.TICKET_EVENTS.name(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("processed", new StringDeserializer(),
                    new StringDeserializer());
            TestOutputTopic<String, byte[]> dlt = driver.createOutputTopic(Topics.TICKET_EVENTS.deadLetterTopicName(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            TicketEvent good = event("e-1");
            TicketEvent refused = event("refused-1");
            byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
            RecordHeaders traced = new RecordHeaders();
            traced.add("trace", bytes("t-42"));

            in.pipeInput(bytes("t-1"), garbage);
            in.pipeInput(bytes("t-1"), encode(good));
            in.pipeInput(bytes("other"), encode(good));
            in.pipeInput(new TestRecord<>(bytes("t-1"), encode(refused), traced));
            in.pipeInput(bytes("t-1"), (byte[]) null);
            in.pipeInput(null, encode(good));

            assertThat(out.readValuesToList()).containsExactly("e-1", "refused-1", "deleted");
            var dead = dlt.readRecordsToList();
            assertThat(dead).extracting(DeadLetterRouteDslTest::reason).satisfiesExactly(
                    reason -> assertThat(reason).contains("SerializationException"),
                    reason -> assertThat(reason).contains("key differs from ticketId"),
                    reason -> assertThat(reason).contains("the step refused it"),
                    reason -> assertThat(reason).contains("no key"));
            assertThat(dead.get(0).key()).isEqualTo("t-1");
            assertThat(dead.get(0).value()).as("the original bytes").isEqualTo(garbage);
            assertThat(header(dead.get(1), DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("2");
            assertThat(header(dead.get(1), DeadLetterHeaders.SERVICE)).isEqualTo("test-service");
            TestRecord<String, byte[]> late = dead.get(2);
            assertThat(late.key()).isEqualTo("t-1");
            assertThat(late.value()).as("encoded again").isEqualTo(encode(refused));
            assertThat(header(late, "trace")).isEqualTo("t-42");
            assertThat(header(late, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.TICKET_EVENTS.name());
            assertThat(header(late, DeadLetterHeaders.ORIGINAL_OFFSET))
                    .as("read from the repartition topic: the original offset is unknown").isEqualTo("-1");
            assertThat(registry.get("support.dead.letters").tag("topic", Topics.TICKET_EVENTS.name()).counter()
                    .count()).isEqualTo(4);
        }
    }

    /** A step after a repartition that refuses some events; it holds them decoded only. */
    private static final class RefusingStep implements Processor<String, TicketEvent, Object, Object> {

        private final DeadLetterRoute<TicketEvent> route;
        private ProcessorContext<Object, Object> context;

        RefusingStep(DeadLetterRoute<TicketEvent> route) {
            this.route = route;
        }

        @Override
        public void init(ProcessorContext<Object, Object> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, TicketEvent> record) {
            if (record.value().getEventId().startsWith("refused")) {
                route.deadLetterValue(context, record, new UnprocessableRecordException("the step refused it"));
            }
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "route-dsl-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return props;
    }

    private static TicketEvent event(String eventId) {
        return TicketEvent.newBuilder().setEventId(eventId).setTicketId("t-1").setCustomerId("c-1")
                .setOccurredAt(AT).setProducer("intake-service").setPayload(new TicketResolved(AT)).build();
    }

    private static byte[] encode(TicketEvent event) {
        return Topics.TICKET_EVENTS.valueSerde().serializer().serialize(Topics.TICKET_EVENTS.name(), event);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(TestRecord<String, byte[]> record) {
        return header(record, DeadLetterHeaders.REASON);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
