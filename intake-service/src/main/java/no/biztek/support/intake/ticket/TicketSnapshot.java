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
 *
 * @param severityChanges how many severity changes were recorded (numbers the next one)
 * @param resolutions     how many times it was resolved
 * @param reopenings      how many times it was reopened
 * @param lastEventId     the last event folded in, so a duplicate is not counted twice
 */
record TicketSnapshot(String ticketId, String customerId, Instant openedAt, Severity severity,
                      boolean firstResponseRecorded, boolean resolved, int severityChanges, int resolutions,
                      int reopenings, String lastEventId) {

    /** Folds the next event of the ticket; {@code null} while the ticket is unknown. */
    static TicketSnapshot fold(TicketSnapshot current, TicketEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof TicketOpened opened) {
            return current != null ? current : new TicketSnapshot(event.getTicketId(), event.getCustomerId(),
                    opened.getOpenedAt(), opened.getSeverity(), false, false, 0, 0, 0, event.getEventId());
        }
        if (current == null || event.getEventId().equals(current.lastEventId())) {
            return current;
        }
        String id = event.getEventId();
        if (payload instanceof FirstResponseRecorded) {
            return new TicketSnapshot(current.ticketId, current.customerId, current.openedAt, current.severity, true,
                    current.resolved, current.severityChanges, current.resolutions, current.reopenings, id);
        }
        if (payload instanceof SeverityChanged changed) {
            return new TicketSnapshot(current.ticketId, current.customerId, current.openedAt, changed.getSeverity(),
                    current.firstResponseRecorded, current.resolved, current.severityChanges + 1, current.resolutions,
                    current.reopenings, id);
        }
        if (payload instanceof TicketResolved) {
            return new TicketSnapshot(current.ticketId, current.customerId, current.openedAt, current.severity,
                    current.firstResponseRecorded, true, current.severityChanges, current.resolutions + 1,
                    current.reopenings, id);
        }
        if (payload instanceof TicketReopened) {
            return new TicketSnapshot(current.ticketId, current.customerId, current.openedAt, current.severity,
                    current.firstResponseRecorded, false, current.severityChanges, current.resolutions,
                    current.reopenings + 1, id);
        }
        return current;
    }
}
