package no.biztek.support.escalation.paging;

import java.time.Instant;

import no.biztek.support.escalation.paging.EscalationPolicy.Assignment;
import no.biztek.support.escalation.paging.EscalationPolicy.Step;

/**
 * A page as the topology keeps it: the value of the {@code pages} state store (JSON, key
 * {@code ticketId|pageId}). Its changelog topic is what every instance's {@link PageBoard} reads, so the
 * API and the delivery see exactly the state the topology committed. Fields added later are null in
 * older records.
 *
 * @param startLevel      the level it started at (a new round starts there again)
 * @param pagedAt         when it was first paged
 * @param levelPagedAt    when its current level was paged
 * @param acknowledgeBy   when the current level's acknowledgement timeout passes
 * @param acknowledgedBy  who acknowledged it (ACKNOWLEDGED)
 * @param acknowledgedVia API or LINK (ACKNOWLEDGED)
 * @param endedAt         when it was acknowledged, closed or exhausted
 * @param timerKey        key of its timer in the timer store, or null
 */
public record PageState(String pageId, String ticketId, String customerId, String severity, String cause,
                        int startLevel, int level, int round, String levelName, String personName,
                        String personEmail, Instant pagedAt, Instant levelPagedAt, Instant acknowledgeBy,
                        Status status, String acknowledgedBy, String acknowledgedVia, Instant endedAt,
                        String timerKey) {

    public enum Status {
        /** Paging: a level's timer is armed. */
        OPEN,
        /** Every level of every round timed out without an acknowledgement; still open for an acknowledgement. */
        EXHAUSTED,
        ACKNOWLEDGED,
        /** The ticket got its first response, was resolved, or was downgraded from a severity that pages 24x7. */
        CLOSED;

        public boolean awaitsAcknowledgement() {
            return this == OPEN || this == EXHAUSTED;
        }
    }

    Step step() {
        return new Step(level, round);
    }

    PageState assigned(Assignment assignment, Instant now, String newTimerKey) {
        return new PageState(pageId, ticketId, customerId, severity, cause, startLevel, assignment.step().level(),
                assignment.step().round(), assignment.levelName(), assignment.person().name(),
                assignment.person().email(), pagedAt, now, assignment.acknowledgeBy(), Status.OPEN, null, null,
                null, newTimerKey);
    }

    PageState ended(Status newStatus, String by, String via, Instant at, String newTimerKey) {
        return new PageState(pageId, ticketId, customerId, severity, cause, startLevel, level, round, levelName,
                personName, personEmail, pagedAt, levelPagedAt, acknowledgeBy, newStatus, by, via, at, newTimerKey);
    }
}
