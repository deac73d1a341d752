package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

import no.biztek.support.policy.Severity;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.ticket.TicketResumed;

/**
 * One fact of a ticket as the SLA clock needs it: what happened, when it happened (its event time, not
 * when it arrived) and the ticket event that reported it.
 *
 * @param kind       what happened
 * @param eventId    the ticket event that reported it (deduplication, and the cause named by SLA events)
 * @param at         when it happened: openedAt, respondedAt, changedAt, resolvedAt, reopenedAt, heldAt or resumedAt
 * @param sequence   the number intake gave the event within its ticket, or -1 when the event carries none
 * @param severity   the ticket's severity from here on (OPENED, SEVERITY_CHANGED), otherwise null
 * @param detail     the reason code of a severity change or of a hold, or the consultant of a response; otherwise
 *                   null
 */
public record Fact(Kind kind, String eventId, Instant at, int sequence, Severity severity, String detail) {

    /** The ticket events the clock is a function of. */
    public enum Kind {
        // stored by ordinal: new kinds go at the end
        OPENED, SEVERITY_CHANGED, RESPONDED, RESOLVED, REOPENED, HELD, RESUMED
    }

    /**
     * Event-time order: by {@code at}, then by intake's numbering, then (for events written before intake
     * numbered them) by kind and event id, so that any arrival order of the same facts sorts the same way.
     */
    public static final Comparator<Fact> EVENT_TIME_ORDER = Comparator.comparing(Fact::at)
            .thenComparingInt(Fact::sequence)
            .thenComparing(Fact::kind)
            .thenComparing(Fact::eventId);

    public Fact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
    }

    /** The fact a ticket event reports. */
    static Fact of(TicketEvent event) {
        Object payload = event.getPayload();
        int sequence = event.getSequence() == null ? -1 : event.getSequence();
        String id = event.getEventId();
        if (payload instanceof TicketOpened opened) {
            return new Fact(Kind.OPENED, id, opened.getOpenedAt(), sequence, severity(opened.getSeverity()), null);
        }
        if (payload instanceof FirstResponseRecorded response) {
            return new Fact(Kind.RESPONDED, id, response.getRespondedAt(), sequence, null, response.getConsultant());
        }
        if (payload instanceof SeverityChanged change) {
            return new Fact(Kind.SEVERITY_CHANGED, id, change.getChangedAt(), sequence, severity(change.getSeverity()),
                    change.getReasonCode() != null ? change.getReasonCode()
                            : change.getReason() == null ? null : change.getReason().name());
        }
        if (payload instanceof TicketResolved resolved) {
            return new Fact(Kind.RESOLVED, id, resolved.getResolvedAt(), sequence, null, null);
        }
        if (payload instanceof TicketReopened reopened) {
            return new Fact(Kind.REOPENED, id, reopened.getReopenedAt(), sequence, null, null);
        }
        if (payload instanceof TicketHeld held) {
            return new Fact(Kind.HELD, id, held.getHeldAt(), sequence, null, held.getReason());
        }
        if (payload instanceof TicketResumed resumed) {
            return new Fact(Kind.RESUMED, id, resumed.getResumedAt(), sequence, null, null);
        }
        throw new InvalidTicketEventException("unsupported ticket event payload "
                + (payload == null ? "null" : payload.getClass().getSimpleName()));
    }

    private static Severity severity(no.biztek.support.schemas.common.Severity severity) {
        return Severity.valueOf(severity.name());
    }
}
