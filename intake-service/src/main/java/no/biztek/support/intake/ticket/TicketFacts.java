package no.biztek.support.intake.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.intake.config.IntakeProperties;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * What every ticket change shares: the time of a fact, the terms a ticket is measured under, and publishing
 * the event that records it.
 */
@Component
class TicketFacts {

    private final TicketDirectory directory;
    private final AcknowledgedPublisher publisher;
    private final PlanCatalogue plans;
    private final Clock clock;
    private final Duration maxClockSkew;
    private final String producer;

    TicketFacts(TicketDirectory directory, AcknowledgedPublisher publisher, PlanCatalogue plans, Clock clock,
                IntakeProperties properties, @Value("${spring.application.name}") String producer) {
        this.directory = directory;
        this.publisher = publisher;
        this.plans = plans;
        this.clock = clock;
        this.maxClockSkew = properties.maxClockSkew();
        this.producer = producer;
    }

    Instant now() {
        return millis(clock.instant());
    }

    /** When a fact about an open ticket happened: as requested, else now; not in the future, not before the opening. */
    Instant factTime(String field, Instant requested, Instant now, TicketSnapshot ticket) {
        Instant at = millis(requested == null ? now : requested);
        notInTheFuture(field, at, now);
        if (at.isBefore(ticket.openedAt())) {
            throw new InvalidRequestException(field, "must not be before the ticket was opened ("
                    + ticket.openedAt() + ")");
        }
        return at;
    }

    void notInTheFuture(String field, Instant instant, Instant now) {
        if (instant.isAfter(now.plus(maxClockSkew))) {
            throw new InvalidRequestException(field, "must not be in the future (now is " + now + ")");
        }
    }

    /** The terms the ticket is measured under: its plan's version in force when it was opened. */
    SlaPolicy termsOf(TicketSnapshot ticket) {
        return termsAt(ticket.plan(), ticket.openedAt());
    }

    /**
     * The plan's version in force at an opening; a plan the policy file no longer defines falls back to the default
     * plan rather than refusing every change of the ticket.
     */
    SlaPolicy termsAt(String plan, Instant openedAt) {
        PolicyHistory history = plans.plan(plan).orElse(plans.defaultPlan());
        try {
            return history.inForceAt(openedAt);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("openedAt", "lies before the support terms took effect ("
                    + history.versions().get(0).effectiveFrom() + ", plan " + history.plan() + ")");
        }
    }

    /** Publishes a lifecycle event of a known ticket and waits until this instance has read it back. */
    Accepted published(String ticketId, TicketSnapshot ticket, Instant now, String eventId, Object payload) {
        TicketEvent event = envelope(eventId, ticketId, ticket.customerId(), now, ticket.nextSequence(), payload);
        directory.published(publisher.publish(Topics.TICKET_EVENTS, ticketId, event));
        return new Accepted(ticketId, eventId, Accepted.Outcome.PUBLISHED);
    }

    /** Publishes a ticket's opening; the directory knows the ticket at once. */
    TicketEvent publishOpening(String eventId, String ticketId, String customerId, Instant now, Object opened) {
        TicketEvent event = envelope(eventId, ticketId, customerId, now, 0, opened);
        publisher.publish(Topics.TICKET_EVENTS, ticketId, event);
        directory.opened(event);
        return event;
    }

    private TicketEvent envelope(String eventId, String ticketId, String customerId, Instant now, int sequence,
                                 Object payload) {
        return TicketEvent.newBuilder().setEventId(eventId).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(now).setProducer(producer).setSequence(sequence).setPayload(payload).build();
    }

    /** Events carry millisecond precision; truncating here keeps what we validate equal to what we publish. */
    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
