package no.biztek.support.intake.ticket;

import java.util.List;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

@Configuration(proxyBeanMethods = false)
class TicketFollowerConfiguration {

    @Bean
    TopicFollower<TicketEvent> ticketFollower(KafkaProperties kafka, TicketSnapshots snapshots) {
        return new TopicFollower<>(Topics.TICKET_EVENTS, TopicFollower.consumers(kafka, "intake-tickets"),
                List.of(snapshots));
    }
}
