package no.biztek.support.escalation.paging;

import java.time.Instant;

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
 * @param purgeKey   key of the timer that forgets a resolved ticket, or null
 */
record TicketState(Instant openedAt, String severity, Instant answeredAt, boolean resolved, String purgeKey) {

    static TicketState opened(Instant openedAt, String severity) {
        return new TicketState(openedAt, severity, null, false, null);
    }

    static TicketState unknown() {
        return new TicketState(null, null, null, false, null);
    }

    boolean answered() {
        return answeredAt != null || resolved;
    }

    /** The opening seen (late: what was recorded before it stays). */
    TicketState withOpening(Instant at, String openedSeverity) {
        return new TicketState(at, openedSeverity, answeredAt, resolved, purgeKey);
    }

    TicketState withSeverity(String newSeverity) {
        return new TicketState(openedAt, newSeverity, answeredAt, resolved, purgeKey);
    }

    TicketState answeredAt(Instant at) {
        return new TicketState(openedAt, severity, answeredAt == null ? at : answeredAt, resolved, purgeKey);
    }

    TicketState resolvedAt(Instant at, String newPurgeKey) {
        return new TicketState(openedAt, severity, answeredAt == null ? at : answeredAt, true, newPurgeKey);
    }

    TicketState reopened() {
        return new TicketState(openedAt, severity, null, false, null);
    }
}
