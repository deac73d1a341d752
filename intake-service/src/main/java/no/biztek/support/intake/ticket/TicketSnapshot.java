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
 * What intake knows of a ticket from its own events: enough to validate and number lifecycle events.
 * Intake holds one per ticket it has seen, so it is kept small (no ticket id: the directory's key has it).
 *
 * @param customerId        a shared instance per customer ({@link CompactIds#customerId})
 * @param openedAtMillis    when the ticket was opened, epoch milliseconds (events carry millisecond precision)
 * @param severityChanges   how many severity changes were recorded (numbers the next one)
 * @param resolutions       how many times it was resolved
 * @param reopenings        how many times it was reopened
 * @param lastEventKey      the last event folded in ({@link CompactIds#key}), so a duplicate is not counted twice
 */
record TicketSnapshot(String customerId, long openedAtMillis, Severity severity, boolean firstResponseRecorded,
                      boolean resolved, int severityChanges, int resolutions, int reopenings, Object lastEventKey) {

    Instant openedAt() {
        return Instant.ofEpochMilli(openedAtMillis);
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
                    opened.getOpenedAt().toEpochMilli(), opened.getSeverity(), false, false, 0, 0, 0,
                    CompactIds.key(event.getEventId()));
        }
        Object id = CompactIds.key(event.getEventId());
        if (current == null || id.equals(current.lastEventKey())) {
            return current;
        }
        if (payload instanceof FirstResponseRecorded) {
            return new TicketSnapshot(current.customerId, current.openedAtMillis, current.severity, true,
                    current.resolved, current.severityChanges, current.resolutions, current.reopenings, id);
        }
        if (payload instanceof SeverityChanged changed) {
            return new TicketSnapshot(current.customerId, current.openedAtMillis, changed.getSeverity(),
                    current.firstResponseRecorded, current.resolved, current.severityChanges + 1, current.resolutions,
                    current.reopenings, id);
        }
        if (payload instanceof TicketResolved) {
            return new TicketSnapshot(current.customerId, current.openedAtMillis, current.severity,
                    current.firstResponseRecorded, true, current.severityChanges, current.resolutions + 1,
                    current.reopenings, id);
        }
        if (payload instanceof TicketReopened) {
            return new TicketSnapshot(current.customerId, current.openedAtMillis, current.severity,
                    current.firstResponseRecorded, false, current.severityChanges, current.resolutions,
                    current.reopenings + 1, id);
        }
        return current;
    }
}
