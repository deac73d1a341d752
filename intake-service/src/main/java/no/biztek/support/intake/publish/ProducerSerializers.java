package no.biztek.support.intake.publish;

import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * One producer (Boot's, with its metrics) for everything intake writes: each value type is encoded
 * by its topic's serde from the catalogue; raw bytes are dead letters.
 */
@Configuration(proxyBeanMethods = false)
class ProducerSerializers {

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaProducerFactoryCustomizer catalogueSerializers() {
        Map<Class<?>, Serializer<?>> byType = Map.of(
                TicketEvent.class, Topics.TICKET_EVENTS.valueSerde().serializer(),
                Customer.class, Topics.CUSTOMERS.valueSerde().serializer(),
                byte[].class, new ByteArraySerializer());
        return factory -> {
            var typed = (DefaultKafkaProducerFactory<Object, Object>) factory;
            typed.setKeySerializer((Serializer<Object>) (Serializer<?>) new StringSerializer());
            typed.setValueSerializer(new DelegatingByTypeSerializer(byType));
        };
    }
}
