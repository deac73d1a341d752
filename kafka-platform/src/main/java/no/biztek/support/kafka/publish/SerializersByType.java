package no.biztek.support.kafka.publish;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

import no.biztek.support.schemas.topic.Topic;

/**
 * One producer (Boot's, with its metrics) for everything a service writes: string keys, each value encoded
 * by the serde of its topic in the catalogue, raw bytes for dead letters (which keep the bytes that failed).
 */
public final class SerializersByType {

    private final Map<Class<?>, Serializer<?>> byType = new HashMap<>();

    private SerializersByType() {
        byType.put(byte[].class, new ByteArraySerializer());
    }

    public static SerializersByType serializers() {
        return new SerializersByType();
    }

    /** Values of this type are written with the topic's value serde. */
    public <V> SerializersByType value(Class<V> type, Topic<?, V> topic) {
        return value(type, topic.valueSerde().serializer());
    }

    /** Values of this type (e.g. an internal command) are written with this serializer. */
    public <V> SerializersByType value(Class<V> type, Serializer<V> serializer) {
        if (byType.putIfAbsent(type, serializer) != null) {
            throw new IllegalArgumentException("two serializers for " + type.getName());
        }
        return this;
    }

    /** Applies them to Boot's producer factory. */
    @SuppressWarnings("unchecked")
    public DefaultKafkaProducerFactoryCustomizer customizer() {
        var serializers = new DelegatingByTypeSerializer(Map.copyOf(byType));
        return factory -> {
            var typed = (DefaultKafkaProducerFactory<Object, Object>) factory;
            typed.setKeySerializer((Serializer<Object>) (Serializer<?>) new StringSerializer());
            typed.setValueSerializer(serializers);
        };
    }
}
