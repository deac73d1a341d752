package no.biztek.support.escalation.paging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;

import tools.jackson.databind.annotation.JsonDeserialize;

import no.biztek.support.kafka.timer.Timer;

/**
 * What the paging topology remembers of a ticket (state store {@code paging-tickets}, key ticketId, JSON):
 * when it was opened (its policy version is the one in force then, SPEC §2), its current severity, and
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
 */
record TicketState(Instant openedAt, String severity, Instant answeredAt, boolean resolved,
                   @JsonAlias("purgeKey") @JsonDeserialize(using = TimerAtJson.class) Instant purgeAt) {

    static TicketState opened(Instant openedAt, String severity) {
        return new TicketState(openedAt, severity, null, false, null);
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
    TicketState withOpening(Instant at, String openedSeverity) {
        return new TicketState(at, openedSeverity, answeredAt, resolved, purgeAt);
    }

    TicketState withSeverity(String newSeverity) {
        return new TicketState(openedAt, newSeverity, answeredAt, resolved, purgeAt);
    }

    TicketState answeredAt(Instant at) {
        return new TicketState(openedAt, severity, answeredAt == null ? at : answeredAt, resolved, purgeAt);
    }

    TicketState resolvedAt(Instant at, Instant newPurgeAt) {
        return new TicketState(openedAt, severity, answeredAt == null ? at : answeredAt, true, newPurgeAt);
    }

    TicketState reopened() {
        return new TicketState(openedAt, severity, null, false, null);
    }
}
