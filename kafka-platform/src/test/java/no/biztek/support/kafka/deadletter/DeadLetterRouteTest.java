package no.biztek.support.kafka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topics;

/** Undecodable, refused and unprocessable records go to the topic's DLT from within the topology; the rest on. */
class DeadLetterRouteTest {

    @TempDir
    Path stateDir;

    @Test
    void everyRecordEitherGoesOnDecodedOrToTheDeadLetterTopicWithTheReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetterRoute<TicketEvent> route = DeadLetterRoute.of(Topics.TICKET_EVENTS, "test-service",
                new DeadLetterMetrics(registry));
        Topology topology = new Topology();
        String decoded = route.addSource(topology, "step",
                (key, event) -> key.equals(event.getTicketId()) ? null : "key differs from ticketId");
        topology.addProcessor("step", () -> new Processor<String, Decoded<TicketEvent>, Object, Object>() {
            private ProcessorContext<Object, Object> context;

            @Override
            public void init(ProcessorContext<Object, Object> context) {
                this.context = context;
            }

            @Override
            public void process(Record<String, Decoded<TicketEvent>> record) {
                if (record.value().value().getEventId().contains("refused")) {
                    route.deadLetter(context, record, new UnprocessableRecordException("the step refused it"));
                } else {
                    context.forward(new Record<Object, Object>(record.key(), record.value().value().getEventId(),
                            record.timestamp()), "out");
                }
            }
        }, decoded);
        topology.addSink("out", "processed", new StringSerializer(), new StringSerializer(), "step");
        route.addSink(topology, decoded, "step");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "route-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.TICKET_EVENTS.name(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("processed", new StringDeserializer(),
                    new StringDeserializer());
            TestOutputTopic<byte[], byte[]> dlt = driver.createOutputTopic(Topics.TICKET_EVENTS.deadLetterTopicName(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            TicketEvent good = TicketEvent.newBuilder().setEventId("e-1").setTicketId("t-1").setCustomerId("c-1")
                    .setOccurredAt(java.time.Instant.parse("2026-03-02T08:00:00Z")).setProducer("intake-service")
                    .setPayload(new no.biztek.support.schemas.ticket.TicketResolved(
                            java.time.Instant.parse("2026-03-02T08:00:00Z"))).build();
            TicketEvent refused = TicketEvent.newBuilder(good).setEventId("refused-1").build();
            byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

            in.pipeInput(bytes("t-1"), encode(good));
            in.pipeInput(bytes("t-1"), garbage);
            in.pipeInput(bytes("other"), encode(good));
            in.pipeInput(bytes("t-1"), encode(refused));
            in.pipeInput(bytes("t-1"), (byte[]) null);

            assertThat(out.readValuesToList()).containsExactly(good.getEventId());
            var dead = dlt.readRecordsToList();
            assertThat(dead).extracting(record -> reason(record)).satisfiesExactly(
                    reason -> assertThat(reason).contains("SerializationException"),
                    reason -> assertThat(reason).contains("key differs from ticketId"),
                    reason -> assertThat(reason).contains("the step refused it"),
                    reason -> assertThat(reason).contains("tombstone"));
            assertThat(dead.get(0).value()).as("the original bytes").isEqualTo(garbage);
            assertThat(dead.get(2).value()).isEqualTo(encode(refused));
            assertThat(header(dead.get(1), DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("2");
            assertThat(header(dead.get(1), DeadLetterHeaders.SERVICE)).isEqualTo("test-service");
            assertThat(registry.get("support.dead.letters").tag("topic", Topics.TICKET_EVENTS.name()).counter().count())
                    .isEqualTo(4);
        }
    }

    private static byte[] encode(TicketEvent event) {
        return Topics.TICKET_EVENTS.valueSerde().serializer().serialize(Topics.TICKET_EVENTS.name(), event);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(TestRecord<byte[], byte[]> record) {
        return header(record, DeadLetterHeaders.REASON);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
