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
 */
record Step(SlaClock before, SlaClock after, List<SlaEvent> events, Outcome outcome) {

    Step {
        events = List.copyOf(events);
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
