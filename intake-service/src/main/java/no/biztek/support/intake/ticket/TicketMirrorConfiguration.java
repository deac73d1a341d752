package no.biztek.support.intake.ticket;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import no.biztek.support.intake.mirror.MirrorConsumers;
import no.biztek.support.intake.mirror.TopicMirror;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

@Configuration(proxyBeanMethods = false)
class TicketMirrorConfiguration {

    @Bean
    TopicMirror<TicketEvent, TicketSnapshot> ticketMirror(KafkaProperties kafka) {
        return new TopicMirror<>(Topics.TICKET_EVENTS, MirrorConsumers.from(kafka, "intake-tickets"),
                TicketSnapshot::fold);
    }
}
