package no.biztek.support.escalation.paging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;

import tools.jackson.databind.annotation.JsonDeserialize;

import no.biztek.support.kafka.timer.Timer;

/**
 * What the paging topology remembers of a ticket (state store {@code paging-tickets}, key ticketId, JSON):
 * when it was opened and under which plan (its terms are that plan's version in force then, SPEC §2), its current
 * severity, and
 * whether it was answered (first response) or resolved, so that a late SLA breach of an answered ticket
 * pages nobody. A reopened ticket is neither answered nor resolved. A resolved ticket is forgotten after
 * the ended-page retention.
 *
 * @param openedAt   null when the ticket's opening was never seen (then a change is judged under the version in
 *                   force at the change)
 * @param severity   the current severity (Avro symbol), null when unknown
 * @param answeredAt the first response (or resolution), null while unanswered
 * @param purgeAt    when the timer that forgets a resolved ticket is due, or null; records written before the timer
 *                   index kept the timer's key ({@code purgeKey}) instead, which is read as its instant
 * @param plan       the customer's plan when the ticket was opened, as its TicketOpened named it; null (none named,
 *                   the opening never seen, or a record written before plans) is the default plan
 */
record TicketState(Instant openedAt, String severity, Instant answeredAt, boolean resolved,
                   @JsonAlias("purgeKey") @JsonDeserialize(using = TimerAtJson.class) Instant purgeAt,
                   String plan) {

    TicketState(Instant openedAt, String severity, Instant answeredAt, boolean resolved, Instant purgeAt) {
        this(openedAt, severity, answeredAt, resolved, purgeAt, null);
    }

    static TicketState opened(Instant openedAt, String severity) {
        return opened(openedAt, severity, null);
    }

    static TicketState opened(Instant openedAt, String severity, String plan) {
        return new TicketState(openedAt, severity, null, false, null, plan);
    }

    static TicketState unknown() {
        return new TicketState(null, null, null, false, null);
    }

    boolean answered() {
        return answeredAt != null || resolved;
    }

    /** The timer that forgets the ticket (its key in the store), or null. */
    Timer purgeTimer(String ticketId) {
        return purgeAt == null ? null : PageTimers.purgeTicket(purgeAt, ticketId);
    }

    /** The opening seen (late: what was recorded before it stays). */
    TicketState withOpening(Instant at, String openedSeverity, String openedPlan) {
        return new TicketState(at, openedSeverity, answeredAt, resolved, purgeAt, openedPlan);
    }

    TicketState withSeverity(String newSeverity) {
        return new TicketState(openedAt, newSeverity, answeredAt, resolved, purgeAt, plan);
    }

    TicketState answeredAt(Instant at) {
        return new TicketState(openedAt, severity, answeredAt == null ? at : answeredAt, resolved, purgeAt, plan);
    }

    TicketState resolvedAt(Instant at, Instant newPurgeAt) {
        return new TicketState(openedAt, severity, answeredAt == null ? at : answeredAt, true, newPurgeAt, plan);
    }

    TicketState reopened() {
        return new TicketState(openedAt, severity, null, false, null, plan);
    }
}
