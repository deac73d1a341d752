package no.biztek.support.escalation.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import no.biztek.support.escalation.ticket.TicketDirectory;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.policy.Metric;
import no.biztek.support.schemas.topic.Topics;

/** The facts of a ticket from the views this instance keeps: the ticket directory, customers and SLA deadlines. */
@Component
public class TicketFactsLookup {

    private final TicketDirectory tickets;
    private final CustomerContacts customers;
    private final SlaDeadlines deadlines;
    private final SourceLinks links;
    private final List<TopicFollower<?>> sources;

    /** @param followers the service's topic followers; those of the ticket, customer and SLA topics are awaited */
    public TicketFactsLookup(TicketDirectory tickets, CustomerContacts customers, SlaDeadlines deadlines,
                             SourceLinks links, List<TopicFollower<?>> followers) {
        this.tickets = tickets;
        this.customers = customers;
        this.deadlines = deadlines;
        this.links = links;
        Set<String> read = Set.of(Topics.TICKET_EVENTS.name(), Topics.CUSTOMERS.name(), Topics.SLA_EVENTS.name());
        this.sources = followers.stream().filter(f -> read.contains(f.topic().name())).toList();
    }

    /**
     * Waits (at most {@code timeout} in all) until the views the facts come from have read their topics up to now,
     * so a page sent right after its ticket was opened knows the ticket; false when they did not in time (then the
     * facts are what is known, never nothing).
     */
    public boolean awaitCurrent(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        boolean current = true;
        for (TopicFollower<?> source : sources) {
            Duration left = Duration.ofNanos(until - System.nanoTime());
            current &= !left.isNegative() && source.awaitCaughtUp(left);
        }
        return current;
    }

    /** What is known of the ticket now; the ids alone when nothing else is. */
    public TicketFacts of(String ticketId, String customerId) {
        Optional<TicketDirectory.Ticket> ticket = tickets.find(ticketId);
        Optional<TicketDirectory.Opening> opening = ticket.map(TicketDirectory.Ticket::opening);
        Optional<CustomerContacts.Contact> contact = customers.find(customerId);
        Map<String, SlaDeadlines.Deadline> due = deadlines.of(ticketId);
        SlaDeadlines.Deadline firstResponse = due.get(Metric.FIRST_RESPONSE.id());
        SlaDeadlines.Deadline resolution = due.get(Metric.RESOLUTION.id());
        return new TicketFacts(ticketId, customerId,
                opening.map(TicketDirectory.Opening::title).orElse(null),
                opening.map(TicketDirectory.Opening::description).orElse(null),
                opening.map(TicketDirectory.Opening::source).orElse(null),
                opening.map(TicketDirectory.Opening::externalId).orElse(null),
                opening.flatMap(o -> links.link(o.source(), o.externalId())).orElse(null),
                ticket.map(TicketDirectory.Ticket::openedAt).orElse(null),
                contact.map(CustomerContacts.Contact::name).orElse(null),
                contact.map(CustomerContacts.Contact::phone).orElse(null),
                open(firstResponse), open(resolution), breached(firstResponse, resolution));
    }

    /** The due time of a clock that has not ended. */
    private static Instant open(SlaDeadlines.Deadline deadline) {
        return deadline == null || deadline.status() == SlaDeadlines.Status.MET
                || deadline.status() == SlaDeadlines.Status.STOPPED ? null : deadline.dueAt();
    }

    /** The metric whose breach stands (first response first: by default only its breaches page). */
    private static String breached(SlaDeadlines.Deadline firstResponse, SlaDeadlines.Deadline resolution) {
        if (firstResponse != null && firstResponse.breached()) {
            return Metric.FIRST_RESPONSE.id();
        }
        return resolution != null && resolution.breached() ? Metric.RESOLUTION.id() : null;
    }
}
