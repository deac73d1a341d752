package no.biztek.support.escalation.config;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import no.biztek.support.escalation.billing.InvoiceLedger;
import no.biztek.support.escalation.board.BoardTouches;
import no.biztek.support.escalation.board.BoardView;
import no.biztek.support.escalation.facts.CustomerContacts;
import no.biztek.support.escalation.facts.SlaDeadlines;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.escalation.paging.InternalTopics;
import no.biztek.support.escalation.report.ReportLedger;
import no.biztek.support.escalation.ticket.TicketDirectory;
import no.biztek.support.escalation.vendor.VendorEscalationBook;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/** The in-memory views every instance keeps, each fed by one follower of its topic. */
@Configuration(proxyBeanMethods = false)
class ViewsConfiguration {

    @Bean
    TopicFollower<TicketEvent> ticketFollower(KafkaProperties kafka, TicketDirectory tickets, BoardView board,
                                              ReportLedger reports) {
        return follower(kafka, Topics.TICKET_EVENTS, "escalation-tickets", tickets, board.tickets(), reports.tickets());
    }

    @Bean
    TopicFollower<EscalationEvent> escalationFollower(KafkaProperties kafka, VendorEscalationBook escalations,
                                                      ReportLedger reports) {
        return follower(kafka, Topics.ESCALATION_EVENTS, "escalation-events", escalations, reports.escalations());
    }

    @Bean
    TopicFollower<BillingEvent> billingFollower(KafkaProperties kafka, InvoiceLedger ledger) {
        return follower(kafka, Topics.BILLING, "escalation-billing", ledger);
    }

    /** Customers' names and phones, for pages and the board. */
    @Bean
    TopicFollower<Customer> customerFollower(KafkaProperties kafka, CustomerContacts contacts, BoardTouches board) {
        return follower(kafka, Topics.CUSTOMERS, "escalation-customers", contacts, board.customers());
    }

    /**
     * Tickets' deadlines as the SLA timer announced them, for pages; the running clocks, for the board; verdicts for
     * the monthly reports.
     */
    @Bean
    TopicFollower<SlaEvent> slaFollower(KafkaProperties kafka, SlaDeadlines deadlines, BoardView board,
                                        ReportLedger reports) {
        return follower(kafka, Topics.SLA_EVENTS, "escalation-sla", deadlines, board, reports.sla());
    }

    /**
     * The page board: the topology's own page state, from the changelog topic of its {@code pages} store.
     * Kafka Streams creates that topic when it first starts; until then the follower waits for it (its
     * consumer must not auto-create it, or it would get the broker's default partition count).
     */
    @Bean
    TopicFollower<PageState> pageStateFollower(KafkaProperties kafka, InternalTopics topics, PageBoard board,
                                               BoardTouches slaBoard) {
        return follower(kafka, topics.pageStates(), "escalation-page-states", board, slaBoard.pages());
    }

    @SafeVarargs
    private static <V> TopicFollower<V> follower(KafkaProperties kafka, Topic<String, V> topic, String purpose,
                                                 TopicFollower.View<V>... views) {
        return new TopicFollower<>(topic, TopicFollower.consumers(kafka, purpose), List.of(views));
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
