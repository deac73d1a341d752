package no.biztek.support.intake.ticket;

import java.time.Instant;

import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.ticket.TicketResumed;

/**
 * What intake knows of a ticket from its own events: enough to validate and number lifecycle events, and to
 * forget it once it has been resolved for longer than the retention. Intake holds one per ticket it knows, so
 * it is kept small (no ticket id: the directory's key has it; shared instances of customer ids, plans, reasons).
 *
 * @param customerId        a shared instance per customer ({@link CompactIds#customerId})
 * @param plan              the SLA plan stamped on its opening ({@code standard} for openings without one)
 * @param openedAtMillis    when the ticket was opened, epoch milliseconds (events carry millisecond precision)
 * @param resolvedAtMillis  when it was last resolved (the event's own time), epoch milliseconds; meaningful
 *                          only while {@code resolved}
 * @param heldFor           the reason it is held for, {@code null} while it is not held; a resolution ends a hold
 * @param severityChanges   how many severity changes were recorded (numbers the next one)
 * @param resolutions       how many times it was resolved
 * @param reopenings        how many times it was reopened
 * @param holds             how many holds were recorded
 * @param resumes           how many resumes were recorded
 * @param lastEventKey      the last event folded in ({@link CompactIds#key}), so a duplicate is not counted twice
 */
record TicketSnapshot(String customerId, String plan, long openedAtMillis, Severity severity,
                      boolean firstResponseRecorded, boolean resolved, long resolvedAtMillis, String heldFor,
                      int severityChanges, int resolutions, int reopenings, int holds, int resumes,
                      Object lastEventKey) {

    Instant openedAt() {
        return Instant.ofEpochMilli(openedAtMillis);
    }

    /** When it was resolved, while it is. */
    Instant resolvedAt() {
        return Instant.ofEpochMilli(resolvedAtMillis);
    }

    boolean held() {
        return heldFor != null;
    }

    /** The number of the ticket's next event: 0 is its TicketOpened, each lifecycle event recorded since adds one. */
    int nextSequence() {
        return 1 + (firstResponseRecorded ? 1 : 0) + severityChanges + resolutions + reopenings + holds + resumes;
    }

    /** Folds the next event of the ticket; {@code null} while the ticket is unknown. */
    static TicketSnapshot fold(TicketSnapshot current, TicketEvent event, CompactIds ids) {
        Object payload = event.getPayload();
        if (payload instanceof TicketOpened opened) {
            String plan = opened.getPlan() == null ? PlanCatalogue.DEFAULT_PLAN : opened.getPlan();
            return current != null ? current : new TicketSnapshot(ids.customerId(event.getCustomerId()),
                    ids.shared(plan), opened.getOpenedAt().toEpochMilli(), opened.getSeverity(), false, false, 0,
                    null, 0, 0, 0, 0, 0, CompactIds.key(event.getEventId()));
        }
        Object id = CompactIds.key(event.getEventId());
        if (current == null || id.equals(current.lastEventKey())) {
            return current;
        }
        TicketSnapshot c = current;
        if (payload instanceof FirstResponseRecorded) {
            return new TicketSnapshot(c.customerId, c.plan, c.openedAtMillis, c.severity, true, c.resolved,
                    c.resolvedAtMillis, c.heldFor, c.severityChanges, c.resolutions, c.reopenings, c.holds, c.resumes,
                    id);
        }
        if (payload instanceof SeverityChanged changed) {
            return new TicketSnapshot(c.customerId, c.plan, c.openedAtMillis, changed.getSeverity(),
                    c.firstResponseRecorded, c.resolved, c.resolvedAtMillis, c.heldFor, c.severityChanges + 1,
                    c.resolutions, c.reopenings, c.holds, c.resumes, id);
        }
        if (payload instanceof TicketResolved resolution) {
            return new TicketSnapshot(c.customerId, c.plan, c.openedAtMillis, c.severity, c.firstResponseRecorded,
                    true, resolution.getResolvedAt().toEpochMilli(), null, c.severityChanges, c.resolutions + 1,
                    c.reopenings, c.holds, c.resumes, id);
        }
        if (payload instanceof TicketReopened) {
            return new TicketSnapshot(c.customerId, c.plan, c.openedAtMillis, c.severity, c.firstResponseRecorded,
                    false, 0, null, c.severityChanges, c.resolutions, c.reopenings + 1, c.holds, c.resumes, id);
        }
        if (payload instanceof TicketHeld held) {
            return new TicketSnapshot(c.customerId, c.plan, c.openedAtMillis, c.severity, c.firstResponseRecorded,
                    c.resolved, c.resolvedAtMillis, ids.shared(held.getReason()), c.severityChanges, c.resolutions,
                    c.reopenings, c.holds + 1, c.resumes, id);
        }
        if (payload instanceof TicketResumed) {
            return new TicketSnapshot(c.customerId, c.plan, c.openedAtMillis, c.severity, c.firstResponseRecorded,
                    c.resolved, c.resolvedAtMillis, null, c.severityChanges, c.resolutions, c.reopenings, c.holds,
                    c.resumes + 1, id);
        }
        return current;
    }
}
