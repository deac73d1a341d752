package no.biztek.support.escalation.view;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import no.biztek.support.escalation.billing.InvoiceLedger;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.ticket.TicketDirectory;
import no.biztek.support.escalation.vendor.VendorEscalationBook;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

/** The in-memory views every instance keeps, each fed by one follower of its topic. */
@Configuration(proxyBeanMethods = false)
class ViewsConfiguration {

    @Bean
    TopicFollower<TicketEvent> ticketFollower(KafkaProperties kafka, TicketDirectory tickets, PageBoard pages) {
        return new TopicFollower<>(Topics.TICKET_EVENTS, TopicFollower.consumers(kafka, "escalation-tickets"),
                List.of(tickets, pages.ticketView));
    }

    @Bean
    TopicFollower<EscalationEvent> escalationFollower(KafkaProperties kafka, PageBoard pages,
                                                      VendorEscalationBook escalations) {
        return new TopicFollower<>(Topics.ESCALATION_EVENTS, TopicFollower.consumers(kafka, "escalation-events"),
                List.of(pages.escalationView, escalations));
    }

    @Bean
    TopicFollower<BillingEvent> billingFollower(KafkaProperties kafka, InvoiceLedger ledger) {
        return new TopicFollower<>(Topics.BILLING, TopicFollower.consumers(kafka, "escalation-billing"),
                List.of(ledger));
    }

    /** Readiness: every view has read what was in its topic at start-up. */
    @Bean
    HealthIndicator viewsHealthIndicator(List<TopicFollower<?>> followers) {
        return () -> {
            List<String> reading = followers.stream().filter(f -> !f.isCaughtUp()).map(f -> f.topic().name()).toList();
            return reading.isEmpty() ? Health.up().build()
                    : Health.outOfService().withDetail("reading", reading).build();
        };
    }
}
