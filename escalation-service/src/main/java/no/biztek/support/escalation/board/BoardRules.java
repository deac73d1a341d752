package no.biztek.support.escalation.board;

import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockResumed;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaDeadlineChanged;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.sla.SlaWarning;

/**
 * How an SLA event changes a clock on the board. The SLA timer has already decided in event-time order and writes a
 * ticket's events in that order (see {@code SlaDeadlines}), so the board takes each event as the clock's state now:
 * the last event written wins, whatever its {@code occurredAt}. A met or stopped clock leaves the board; a breached
 * one stays until it is met or stopped, or a correction says otherwise.
 */
final class BoardRules {

    private BoardRules() {
    }

    /** The clock after the event; null when it leaves the board (or never was on it). */
    static BoardClock next(BoardClock known, SlaEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof SlaMet || payload instanceof SlaClockStopped) {
            return null;
        }
        boolean paused = known != null && known.paused();
        String reason = known == null ? null : known.pauseReason();
        long elapsed = known == null ? 0 : known.businessMinutesElapsed();
        int target = known == null ? 0 : known.targetMinutes();
        int warning = known == null ? 0 : known.warningPercent();
        boolean breached = known != null && known.breached();
        if (payload instanceof SlaClockStarted started) {
            paused = false;
            reason = null;
            target = started.getTargetMinutes();
            warning = 0;
            breached = false;
        } else if (payload instanceof SlaDeadlineChanged changed) {
            target = changed.getTargetMinutes();
            // a new target: the thresholds passed under the old one say nothing of the new one
            warning = 0;
        } else if (payload instanceof SlaWarning w) {
            target = w.getTargetMinutes();
            warning = Math.max(warning, w.getThresholdPercent());
        } else if (payload instanceof SlaBreached b) {
            target = b.getTargetMinutes();
            breached = true;
        } else if (payload instanceof SlaClockPaused p) {
            paused = true;
            reason = p.getReason();
            elapsed = p.getBusinessMinutesElapsed();
        } else if (payload instanceof SlaClockResumed r) {
            paused = false;
            reason = null;
            elapsed = r.getBusinessMinutesElapsed();
        } else if (payload instanceof SlaCorrected c) {
            switch (c.getState()) {
                case MET, STOPPED -> {
                    return null;
                }
                case BREACHED -> {
                    breached = true;
                    paused = false;
                }
                case RUNNING -> {
                    breached = false;
                    paused = false;
                }
                case PAUSED -> {
                    breached = false;
                    paused = true;
                    elapsed = c.getBusinessMinutesUsed();
                }
                default -> {
                    // a state this reader does not know: keep what is known
                }
            }
            if (!paused) {
                reason = null;
            }
        } else if (known == null) {
            return null; // a payload this reader does not know, for a clock it never saw
        }
        return new BoardClock(event.getTicketId(), event.getMetric(), event.getCustomerId(),
                event.getSeverity().name(), event.getPlan(), event.getPolicyVersion(), event.getOpenedAt(),
                event.getDueAt(), paused, reason, elapsed, target, warning, breached, event.getOccurredAt());
    }
}
