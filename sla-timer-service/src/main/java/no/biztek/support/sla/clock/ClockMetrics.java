package no.biztek.support.sla.clock;

import java.time.Duration;

import no.biztek.support.policy.Severity;

/** What the topology reports for metrics; the service binds it to Micrometer. */
public interface ClockMetrics {

    /** Reports nothing. */
    ClockMetrics NONE = new ClockMetrics() {
    };

    /** An SlaMet was emitted. */
    default void met(Severity severity) {
    }

    /** An SlaMet of the metric ({@code first-response}, {@code resolution}) was emitted under the plan. */
    default void met(String metric, String plan, Severity severity) {
        met(severity);
    }

    /**
     * An SlaBreached was emitted {@code lag} after its dueAt.
     *
     * @param byTimer true when the wall-clock timer fired it, false when an arriving event did (a ticket
     *                that came in already past its deadline, a response after the deadline)
     */
    default void breached(Severity severity, Duration lag, boolean byTimer) {
    }

    /** An SlaBreached of the metric was emitted under the plan; see {@link #breached(Severity, Duration, boolean)}. */
    default void breached(String metric, String plan, Severity severity, Duration lag, boolean byTimer) {
        breached(severity, lag, byTimer);
    }

    /** An SlaCorrected was emitted: a late fact changed an announced verdict (kind: BREACH_WITHDRAWN, ...). */
    default void corrected(String kind) {
    }

    /** A ticket event that was applied before (same eventId), or a second TicketOpened. */
    default void duplicate(String eventType) {
    }

    /** A lifecycle event for a ticket without a clock (it is dead-lettered). */
    default void unknownTicket(String eventType) {
    }

    /** An event recorded but changing nothing under the rules (e.g. a severity change after the verdict). */
    default void ignored(String eventType) {
    }

    /** A TicketOpened named a plan the policy file does not know; the ticket is measured under the default plan. */
    default void unknownPlan(String plan) {
    }

    /** A TicketHeld named a reason its ticket's policy version does not know; the hold pauses nothing. */
    default void unknownPauseReason(String reason) {
    }

    /** A timer that could not be processed; it is retried later. */
    default void timerFailed() {
    }

    /** The number of running clocks of one task (partition). */
    default void openClocks(String taskId, long count) {
    }

    /** The task is no longer processed by this instance. */
    default void taskClosed(String taskId) {
    }
}
