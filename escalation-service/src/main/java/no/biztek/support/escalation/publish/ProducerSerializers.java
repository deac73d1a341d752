package no.biztek.support.escalation.publish;

import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * One producer (Boot's, with its metrics) for everything the HTTP API and the delivery component
 * write: escalation events with the catalogue's serde, page commands as JSON, raw bytes for dead letters.
 */
@Configuration(proxyBeanMethods = false)
class ProducerSerializers {

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaProducerFactoryCustomizer catalogueSerializers() {
        Map<Class<?>, Serializer<?>> byType = Map.of(
                EscalationEvent.class, Topics.ESCALATION_EVENTS.valueSerde().serializer(),
                PageCommand.class, PageCommand.SERDE.serializer(),
                byte[].class, new ByteArraySerializer());
        return factory -> {
            var typed = (org.springframework.kafka.core.DefaultKafkaProducerFactory<Object, Object>) factory;
            typed.setKeySerializer((Serializer<Object>) (Serializer<?>) new StringSerializer());
            typed.setValueSerializer(new DelegatingByTypeSerializer(byType));
        };
    }
}
