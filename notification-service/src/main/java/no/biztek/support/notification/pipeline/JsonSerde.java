package no.biztek.support.notification.pipeline;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde for the service's own records (internal topics and state stores; never platform contracts).
 * Undecodable bytes raise Kafka's {@link SerializationException}, like the platform's Avro serdes.
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
        return (topic, data) -> encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> decode(data);
    }

    public byte[] encode(T value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new SerializationException("Cannot encode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new SerializationException("Cannot decode " + type.getSimpleName() + ": empty document");
            }
            return value;
        } catch (JacksonException e) {
            throw new SerializationException("Cannot decode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
