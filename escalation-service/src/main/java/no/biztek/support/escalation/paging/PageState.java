package no.biztek.support.escalation.paging;

import java.time.Instant;

import no.biztek.support.escalation.paging.EscalationPolicy.Assignment;
import no.biztek.support.escalation.paging.EscalationPolicy.Step;

/**
 * A page as the topology keeps it (state store value, JSON).
 *
 * @param startLevel     the level it started at (a new round starts there again)
 * @param pagedAt        when it was first paged
 * @param acknowledgeBy  when the current level's acknowledgement timeout passes
 * @param acknowledgedBy who acknowledged it (ACKNOWLEDGED)
 * @param endedAt        when it was acknowledged, closed or exhausted
 * @param timerKey       key of its timer in the timer store, or null
 */
record PageState(String pageId, String ticketId, String customerId, String severity, String cause,
                 int startLevel, int level, int round, String levelName, String personName, String personEmail,
                 Instant pagedAt, Instant acknowledgeBy, Status status, String acknowledgedBy, Instant endedAt,
                 String timerKey) {

    enum Status {
        /** Paging: a level's timer is armed. */
        OPEN,
        /** Every level of every round timed out without an acknowledgement; still open for an acknowledgement. */
        EXHAUSTED,
        ACKNOWLEDGED,
        /** The ticket got its first response or was resolved. */
        CLOSED;

        boolean awaitsAcknowledgement() {
            return this == OPEN || this == EXHAUSTED;
        }
    }

    Step step() {
        return new Step(level, round);
    }

    PageState assigned(Assignment assignment, String newTimerKey) {
        return new PageState(pageId, ticketId, customerId, severity, cause, startLevel, assignment.step().level(),
                assignment.step().round(), assignment.levelName(), assignment.person().name(),
                assignment.person().email(), pagedAt, assignment.acknowledgeBy(), Status.OPEN, null, null,
                newTimerKey);
    }

    PageState ended(Status newStatus, String by, Instant at, String newTimerKey) {
        return new PageState(pageId, ticketId, customerId, severity, cause, startLevel, level, round, levelName,
                personName, personEmail, pagedAt, acknowledgeBy, newStatus, by, at, newTimerKey);
    }
}
