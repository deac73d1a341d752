package no.biztek.support.kafka.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde of a service's own records (state store values, internal topics; never the platform's contracts,
 * which are Avro). Readers ignore fields they do not know, so a field can be added without a migration (older
 * records read it as null). Bytes that cannot be read raise Kafka's {@link SerializationException}, like the
 * platform's Avro serdes, so error handlers can dead-letter them.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Class<T> type;

    private JsonSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> decode(bytes);
    }

    public byte[] encode(T value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new SerializationException("cannot encode a " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new SerializationException("cannot decode a " + type.getSimpleName() + ": empty document");
            }
            return value;
        } catch (JacksonException e) {
            throw new SerializationException("cannot decode a " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    e);
        }
    }
}
