package no.biztek.support.intake.config;

import static no.biztek.support.kafka.publish.SerializersByType.serializers;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

/** What intake writes (ticket events, customers, dead letters) and how a request waits for it: 503 if Kafka does not acknowledge. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer catalogueSerializers() {
        return serializers().value(TicketEvent.class, Topics.TICKET_EVENTS).value(Customer.class, Topics.CUSTOMERS)
                .customizer();
    }

    @Bean
    AcknowledgedPublisher publisher(KafkaTemplate<Object, Object> template, IntakeProperties properties) {
        return new AcknowledgedPublisher(template, properties.acknowledgementTimeout(),
                failure -> BrokerUnavailableException.notAcknowledged(properties.retryAfter(), failure));
    }
}
