package no.biztek.support.sla.clock;

import java.util.List;

import no.biztek.support.schemas.sla.SlaEvent;

/**
 * What one ticket event or timer did to a clock.
 *
 * @param before  the clock before, null for none
 * @param after   the clock after, null when there is (still, or no longer) no clock
 * @param events  SLA events to emit, in order
 * @param outcome how the input was taken
 * @param notices what the input held that the terms do not know (measured anyway, to be counted)
 */
record Step(SlaClock before, SlaClock after, List<SlaEvent> events, Outcome outcome, List<Notice> notices) {

    Step {
        events = List.copyOf(events);
        notices = List.copyOf(notices);
    }

    Step(SlaClock before, SlaClock after, List<SlaEvent> events, Outcome outcome) {
        this(before, after, events, outcome, List.of());
    }

    /** Something a ticket event named that the ticket's terms do not know. */
    record Notice(Kind kind, String value) {

        enum Kind {
            /** TicketOpened named a plan this service's policy file lacks: measured under the default plan. */
            UNKNOWN_PLAN,
            /** TicketHeld named a reason the ticket's policy version lacks: it pauses nothing. */
            UNKNOWN_PAUSE_REASON
        }
    }

    static Step unchanged(SlaClock clock, Outcome outcome) {
        return new Step(clock, clock, List.of(), outcome);
    }

    /** How an input was taken. */
    enum Outcome {
        /** The clock changed (or may have) and the events are to be emitted. */
        APPLIED,
        /** The event was applied before (same eventId), or the ticket was already opened: nothing changes. */
        DUPLICATE,
        /** A lifecycle event for a ticket without a clock: nothing changes. */
        UNKNOWN_TICKET,
        /** Recorded, but it changes nothing under the rules (e.g. a severity change after the verdict). */
        IGNORED
    }
}
