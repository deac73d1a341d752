package no.biztek.support.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import no.biztek.support.schemas.SampleEvents;
import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.board.BoardLink;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.report.SlaReportEntry;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

class SchemaEvolutionTest {

    static Stream<Topic<String, ? extends SpecificRecord>> avroTopics() {
        return Stream.of(Topics.TICKET_EVENTS, Topics.SLA_EVENTS, Topics.ESCALATION_EVENTS, Topics.BILLING,
                Topics.NOTIFICATION_EVENTS, Topics.CUSTOMERS, Topics.ONCALL_SCHEDULE, Topics.BOARD_LINKS,
                Topics.SLA_REPORTS);
    }

    static Stream<Schema> currentSchemas() {
        return Stream.of(TicketEvent.getClassSchema(), SlaEvent.getClassSchema(), EscalationEvent.getClassSchema(),
                BillingEvent.getClassSchema(), NotificationEvent.getClassSchema(), Customer.getClassSchema(),
                OnCallScheduleEntry.getClassSchema(), BoardLink.getClassSchema(), SlaReportEntry.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaIsBackwardAndForwardCompatibleWithEveryReleasedVersion(Schema current) {
        List<Schema> released = ReleasedSchemas.of(current.getName());

        assertThat(released).as("released versions of " + current.getName()).isNotEmpty();
        assertThat(MutualCompatibility.problems(current, released)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaIsReleased(Schema current) {
        List<Schema> released = ReleasedSchemas.of(current.getName());

        assertThat(released.get(released.size() - 1))
                .as(current.getName() + " differs from its latest released version: once it passes the compatibility"
                        + " check, release it as avro-history/" + current.getName() + "/v" + (released.size() + 1)
                        + ".avsc (readers must know a writer's schema before anything is written with it)")
                .isEqualTo(current);
    }

    @Test
    void anIncompatibleChangeIsReportedBothWays() throws IOException {
        Schema incompatible = parse("/incompatible/TicketEvent.avsc");

        List<String> problems = MutualCompatibility.problems(incompatible, ReleasedSchemas.of("TicketEvent"));

        // the payload record changed shape, so the reader's union has no branch for the writer's TicketOpened
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("backward").contains("MISSING_UNION_BRANCH"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("forward").contains("customerId"));
    }

    @ParameterizedTest
    @MethodSource("avroTopics")
    <T extends SpecificRecord> void recordsWrittenWithEveryReleasedVersionAreReadByTheCurrentReader(
            Topic<String, T> topic) throws IOException {
        for (SpecificRecord sample : samplesOf(topic)) {
            for (Schema released : ReleasedSchemas.of(sample.getSchema().getName())) {
                if (!knowsPayloadOf(released, sample)) {
                    continue; // a payload type added after this version: no writer of it ever wrote one
                }
                GenericRecord old = asWrittenBy(released, sample);
                byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), released).encode(old).array();

                T read = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);

                assertThat(read.get(0)).isEqualTo(sample.get(0));
                assertThat(read.getSchema().getName()).isEqualTo(sample.getSchema().getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("avroTopics")
    <T extends SpecificRecord> void everyReleasedReaderReadsTheCurrentRecordsOfThePayloadTypesItKnows(
            Topic<String, T> topic) throws IOException {
        for (SpecificRecord sample : samplesOf(topic)) {
            byte[] body = body(sample);
            for (Schema released : ReleasedSchemas.of(sample.getSchema().getName())) {
                if (!knowsPayloadOf(released, sample)) {
                    continue;
                }
                GenericRecord read = new GenericDatumReader<GenericRecord>(sample.getSchema(), released)
                        .read(null, DecoderFactory.get().binaryDecoder(body, null));

                assertThat(read.get(0).toString()).isEqualTo(sample.get(0).toString());
            }
        }
    }

    /**
     * A version that adds a payload type (SlaEvent v2: SlaCorrected ...) cannot be read by a reader holding only
     * the versions before it. That reader fails loudly on such a record (its service dead-letters it), never
     * misreads it; this is why readers are deployed before writers (README "Changing a schema").
     */
    @Test
    void aReaderOfAnEarlierVersionRefusesAPayloadTypeAddedLaterInsteadOfMisreadingIt() throws IOException {
        Schema v1 = ReleasedSchemas.of("SlaEvent").get(0);
        SpecificRecord correction = SampleEvents.slaEvents().stream()
                .filter(e -> ((SlaEvent) e).getPayload() instanceof no.biztek.support.schemas.sla.SlaCorrected)
                .findFirst().orElseThrow();
        byte[] body = body(correction);

        assertThat(MutualCompatibility.addedPayloadTypes(SlaEvent.getClassSchema(), v1))
                .contains("no.biztek.support.schemas.sla.SlaCorrected",
                        "no.biztek.support.schemas.sla.SlaClockPaused", "no.biztek.support.schemas.sla.SlaClockResumed");
        assertThatThrownBy(() -> new GenericDatumReader<GenericRecord>(SlaEvent.getClassSchema(), v1)
                .read(null, DecoderFactory.get().binaryDecoder(body, null)))
                .isInstanceOf(org.apache.avro.AvroTypeException.class)
                .hasMessageContaining("SlaCorrected");
    }

    @Test
    void aBranchAddedToAnyUnionButThePayloadIsStillAnIncompatibility() throws IOException {
        Schema released = ReleasedSchemas.of("TicketEvent").get(ReleasedSchemas.of("TicketEvent").size() - 1);
        String original = released.toString();
        String vendorService = "\"name\":\"vendorService\",\"type\":[\"null\",{\"type\":\"string\",\"avro.java.string\":\"String\"}";
        String widened = original.replace(vendorService, vendorService + ",\"long\"");
        assertThat(widened).as("the vendorService union widened by a long").isNotEqualTo(original);
        Schema candidate = new Schema.Parser().parse(widened);

        assertThat(MutualCompatibility.problems(candidate, List.of(released)))
                .anySatisfy(p -> assertThat(p).startsWith("forward").contains("MISSING_UNION_BRANCH"));
    }

    @Test
    void anOlderWriterSchemaIsResolvedToTheCurrentReaderWithDefaults() throws IOException {
        Schema older = parse("/older/TicketEvent.avsc");
        Schema openedSchema = older.getField("payload").schema().getTypes().get(0);
        GenericRecord opened = new GenericRecordBuilder(openedSchema)
                .set("source", "portal").set("externalId", "p-77")
                .set("severity", new GenericData.EnumSymbol(openedSchema.getField("severity").schema(), "SERIOUS"))
                .set("title", "VPN").set("description", "VPN nede")
                .set("requester", new GenericRecordBuilder(openedSchema.getField("requester").schema())
                        .set("name", "Kari").set("email", "kari@kunde.no").build())
                .set("channel", new GenericData.EnumSymbol(openedSchema.getField("channel").schema(), "PORTAL"))
                .set("openedAt", SampleEvents.OPENED.toEpochMilli())
                .build();
        GenericRecord envelope = new GenericRecordBuilder(older)
                .set("eventId", "e-1").set("ticketId", "t-1").set("customerId", "c-1")
                .set("occurredAt", SampleEvents.OPENED.toEpochMilli()).set("producer", "intake-service")
                .set("payload", opened).build();
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(envelope).array();

        TicketEvent read = new SingleObjectAvroSerde<>(TicketEvent.class, List.of(older)).deserializer()
                .deserialize("t", bytes);

        TicketOpened payload = (TicketOpened) read.getPayload();
        assertThat(payload.getExternalId()).isEqualTo("p-77");
        assertThat(payload.getOpenedAt()).isEqualTo(SampleEvents.OPENED);
        assertThat(payload.getVendor()).isNull();
        assertThat(payload.getVendorService()).as("field added after the older version: its default").isNull();
        assertThat(read.getOccurredAt()).isEqualTo(SampleEvents.OPENED);
    }

    @Test
    void aCustomerWrittenBeforeContractsNamedAPlanIsOnTheDefaultPlan() throws IOException {
        Schema v1 = ReleasedSchemas.of("Customer").get(0);
        Customer current = SampleEvents.customers().get(0);
        assertThat(current.getPlan()).isEqualTo("around-the-clock");
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1)
                .encode(asWrittenBy(v1, current)).array();

        Customer read = Topics.CUSTOMERS.valueSerde().deserializer().deserialize(Topics.CUSTOMERS.name(), bytes);

        assertThat(read.getPlan()).as("null: the default plan").isNull();
        assertThat(read.getContract()).isEqualTo(current.getContract());
    }

    @Test
    void aWriterSchemaTheStoreDoesNotHoldIsRefused() throws IOException {
        Schema older = parse("/older/TicketEvent.avsc");
        byte[] bytes = new byte[] {(byte) 0xC3, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(SchemaNormalization.parsingFingerprint64(older));

        assertThatThrownBy(
                        () -> Topics.TICKET_EVENTS.valueSerde().deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(SingleObjectAvroSerde.fingerprintOf(older));
    }

    private static List<? extends SpecificRecord> samplesOf(Topic<String, ?> topic) {
        if (topic == Topics.TICKET_EVENTS) {
            return SampleEvents.ticketEvents();
        } else if (topic == Topics.SLA_EVENTS) {
            return SampleEvents.slaEvents();
        } else if (topic == Topics.ESCALATION_EVENTS) {
            return SampleEvents.escalationEvents();
        } else if (topic == Topics.BILLING) {
            return SampleEvents.billingEvents();
        } else if (topic == Topics.NOTIFICATION_EVENTS) {
            return SampleEvents.notificationEvents();
        } else if (topic == Topics.ONCALL_SCHEDULE) {
            return SampleEvents.onCallSchedule();
        } else if (topic == Topics.BOARD_LINKS) {
            return SampleEvents.boardLinks();
        } else if (topic == Topics.SLA_REPORTS) {
            return SampleEvents.slaReports();
        }
        return SampleEvents.customers();
    }

    private static boolean knowsPayloadOf(Schema released, SpecificRecord sample) {
        Schema.Field field = sample.getSchema().getField("payload");
        Object payload = field == null ? null : sample.get(field.pos());
        return payload == null || MutualCompatibility.payloadTypes(released)
                .contains(((SpecificRecord) payload).getSchema().getFullName());
    }

    private static byte[] body(SpecificRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** The sample as a writer holding only the released schema would have built it. */
    private static GenericRecord asWrittenBy(Schema released, SpecificRecord sample) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(sample.getSchema()).write(sample, encoder);
        encoder.flush();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
        return new GenericDatumReader<GenericRecord>(sample.getSchema(), released).read(null, decoder);
    }

    private static Schema parse(String resource) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
