package no.biztek.support.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import no.biztek.support.schemas.SampleEvents;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

class EnvelopeRoundTripTest {

    record Samples(Topic<String, ? extends SpecificRecord> topic, List<? extends SpecificRecord> records) {
    }

    static List<Samples> samples() {
        return List.of(
                new Samples(Topics.TICKET_EVENTS, SampleEvents.ticketEvents()),
                new Samples(Topics.SLA_EVENTS, SampleEvents.slaEvents()),
                new Samples(Topics.ESCALATION_EVENTS, SampleEvents.escalationEvents()),
                new Samples(Topics.BILLING, SampleEvents.billingEvents()),
                new Samples(Topics.NOTIFICATION_EVENTS, SampleEvents.notificationEvents()),
                new Samples(Topics.CUSTOMERS, SampleEvents.customers()),
                new Samples(Topics.ONCALL_SCHEDULE, SampleEvents.onCallSchedule()),
                new Samples(Topics.SLA_REPORTS, SampleEvents.slaReports()));
    }

    static Stream<Arguments> everySample() {
        return samples().stream().flatMap(s -> s.records().stream().map(r -> Arguments.of(
                s.topic(), r, r.getSchema().getName() + payloadName(r))));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("everySample")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void everyEventTypeRoundTrips(Topic<String, T> topic, T record, String label) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), record);

        assertThat(bytes[0]).as("single-object marker").isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).as("single-object marker").isEqualTo((byte) 0x01);
        assertThat(SingleObjectAvroSerde.fingerprintOf(bytes))
                .isEqualTo(SingleObjectAvroSerde.fingerprintOf(record.getSchema()));
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(record);
    }

    @Test
    void samplesCoverEveryPayloadTypeOfEveryEnvelope() {
        for (Samples s : samples()) {
            Schema envelope = s.records().get(0).getSchema();
            Schema.Field payload = envelope.getField("payload");
            if (payload == null) {
                continue; // the customers topic carries a plain record, not an envelope
            }
            Set<String> declared = payload.schema().getTypes().stream().map(Schema::getName)
                    .collect(Collectors.toSet());
            Set<String> sampled = s.records().stream().map(r -> payloadName(r).substring(1))
                    .collect(Collectors.toSet());
            assertThat(sampled).as("payload types with a sample in " + s.topic()).isEqualTo(declared);
        }
    }

    @Test
    void tombstonesStayNull() {
        assertThat(Topics.CUSTOMERS.valueSerde().serializer().serialize(Topics.CUSTOMERS.name(), null)).isNull();
        assertThat(Topics.CUSTOMERS.valueSerde().deserializer().deserialize(Topics.CUSTOMERS.name(), null)).isNull();
    }

    private static String payloadName(SpecificRecord record) {
        Schema.Field payload = record.getSchema().getField("payload");
        return payload == null ? "" : "." + ((SpecificRecord) record.get(payload.pos())).getSchema().getName();
    }
}
