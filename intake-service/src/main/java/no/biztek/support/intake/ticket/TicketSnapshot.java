package no.biztek.support.intake.ticket;

import java.time.Instant;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/**
 * What intake knows of a ticket from its own events: enough to validate and number lifecycle events, and to
 * forget it once it has been resolved for longer than the retention. Intake holds one per ticket it knows, so
 * it is kept small (no ticket id: the directory's key has it).
 *
 * @param customerId        a shared instance per customer ({@link CompactIds#customerId})
 * @param openedAtMillis    when the ticket was opened, epoch milliseconds (events carry millisecond precision)
 * @param resolvedAtMillis  when it was last resolved (the event's own time), epoch milliseconds; meaningful
 *                          only while {@code resolved}
 * @param severityChanges   how many severity changes were recorded (numbers the next one)
 * @param resolutions       how many times it was resolved
 * @param reopenings        how many times it was reopened
 * @param lastEventKey      the last event folded in ({@link CompactIds#key}), so a duplicate is not counted twice
 */
record TicketSnapshot(String customerId, long openedAtMillis, Severity severity, boolean firstResponseRecorded,
                      boolean resolved, long resolvedAtMillis, int severityChanges, int resolutions, int reopenings,
                      Object lastEventKey) {

    Instant openedAt() {
        return Instant.ofEpochMilli(openedAtMillis);
    }

    /** When it was resolved, while it is. */
    Instant resolvedAt() {
        return Instant.ofEpochMilli(resolvedAtMillis);
    }

    /** The number of the ticket's next event: 0 is its TicketOpened, each lifecycle event recorded since adds one. */
    int nextSequence() {
        return 1 + (firstResponseRecorded ? 1 : 0) + severityChanges + resolutions + reopenings;
    }

    /** Folds the next event of the ticket; {@code null} while the ticket is unknown. */
    static TicketSnapshot fold(TicketSnapshot current, TicketEvent event, CompactIds ids) {
        Object payload = event.getPayload();
        if (payload instanceof TicketOpened opened) {
            return current != null ? current : new TicketSnapshot(ids.customerId(event.getCustomerId()),
                    opened.getOpenedAt().toEpochMilli(), opened.getSeverity(), false, false, 0, 0, 0, 0,
                    CompactIds.key(event.getEventId()));
        }
        Object id = CompactIds.key(event.getEventId());
        if (current == null || id.equals(current.lastEventKey())) {
            return current;
        }
        if (payload instanceof FirstResponseRecorded) {
            return new TicketSnapshot(current.customerId, current.openedAtMillis, current.severity, true,
                    current.resolved, current.resolvedAtMillis, current.severityChanges, current.resolutions,
                    current.reopenings, id);
        }
        if (payload instanceof SeverityChanged changed) {
            return new TicketSnapshot(current.customerId, current.openedAtMillis, changed.getSeverity(),
                    current.firstResponseRecorded, current.resolved, current.resolvedAtMillis,
                    current.severityChanges + 1, current.resolutions, current.reopenings, id);
        }
        if (payload instanceof TicketResolved resolution) {
            return new TicketSnapshot(current.customerId, current.openedAtMillis, current.severity,
                    current.firstResponseRecorded, true, resolution.getResolvedAt().toEpochMilli(),
                    current.severityChanges, current.resolutions + 1, current.reopenings, id);
        }
        if (payload instanceof TicketReopened) {
            return new TicketSnapshot(current.customerId, current.openedAtMillis, current.severity,
                    current.firstResponseRecorded, false, 0, current.severityChanges, current.resolutions,
                    current.reopenings + 1, id);
        }
        return current;
    }
}
