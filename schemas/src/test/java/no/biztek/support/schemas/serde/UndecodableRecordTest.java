package no.biztek.support.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import no.biztek.support.schemas.SampleEvents;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

class UndecodableRecordTest {

    private static final String TOPIC = Topics.TICKET_EVENTS.name();
    private final Deserializer<TicketEvent> deserializer = Topics.TICKET_EVENTS.valueSerde().deserializer();
    private final byte[] valid = Topics.TICKET_EVENTS.valueSerde().serializer()
            .serialize(TOPIC, SampleEvents.ticketEvents().get(0));

    @Test
    void unknownFingerprintNamesTopicAndFingerprint() {
        byte[] bytes = valid.clone();
        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123456789abcdefL);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("unknown writer schema fingerprint 0123456789abcdef");
    }

    @Test
    void anotherEnvelopeIsAnUnknownFingerprint() {
        byte[] slaBytes = Topics.SLA_EVENTS.valueSerde().serializer()
                .serialize(Topics.SLA_EVENTS.name(), SampleEvents.slaEvents().get(0));

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, slaBytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("unknown writer schema fingerprint " + SingleObjectAvroSerde.fingerprintOf(slaBytes));
    }

    @Test
    void truncatedBodyNamesTopicAndFingerprint() {
        byte[] truncated = Arrays.copyOf(valid, valid.length / 2);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining(SingleObjectAvroSerde.fingerprintOf(valid));
    }

    @Test
    void truncatedHeaderNamesTopic() {
        byte[] truncated = Arrays.copyOf(valid, 5);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("shorter than the single-object header");
    }

    @Test
    void garbageNamesTopicAndFingerprint() {
        byte[] garbage = new byte[64];
        new Random(42).nextBytes(garbage);
        garbage[0] = 0x7b; // '{': JSON sent to an Avro topic

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("not Avro single-object encoding")
                .hasMessageContaining(SingleObjectAvroSerde.fingerprintOf(garbage));
    }

    @Test
    void emptyRecordIsNotATombstone() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC);
    }

    @Test
    void randomBodyBehindAValidHeaderDecodesOrThrowsSerializationExceptionOnly() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = Arrays.copyOf(valid, 10 + random.nextInt(40));
            for (int j = 10; j < bytes.length; j++) {
                bytes[j] = (byte) random.nextInt();
            }
            Throwable thrown = catchThrowable(() -> deserializer.deserialize(TOPIC, bytes));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC);
            }
        }
    }
}
