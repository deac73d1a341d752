package no.biztek.support.kafka.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import no.biztek.support.schemas.topic.Topic;

/**
 * An event the topology writes: its topic and its value, already encoded with that topic's serde, so that one sink
 * per processor writes them all.
 */
public record Outbound(String topic, byte[] value) {

    /** Writes {@link Outbound#value()} as it is; nothing reads Outbound back. */
    public static final Serde<Outbound> SERDE = new Serde<>() {
        @Override
        public Serializer<Outbound> serializer() {
            return (topic, outbound) -> outbound == null ? null : outbound.value();
        }

        @Override
        public Deserializer<Outbound> deserializer() {
            return (topic, bytes) -> {
                throw new UnsupportedOperationException("Outbound records are written, never read");
            };
        }
    };

    public static <V> Outbound of(Topic<String, V> topic, V value) {
        return new Outbound(topic.name(), topic.valueSerde().serializer().serialize(topic.name(), value));
    }
}
