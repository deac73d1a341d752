package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockResumed;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaDeadlineChanged;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.ticket.TicketEvent;

/**
 * One ticket's clock driven through {@link ClockRules} the way the processor drives it (apply on arrival,
 * timers at their instants or late), without Kafka, and what a downstream reader of its SLA events makes
 * of them.
 */
abstract class ClockHarness {

    final ClockRules rules;
    final ClockReader reader;
    private final List<SlaEvent> emitted = new ArrayList<>();
    SlaClock clock;
    Instant now;

    ClockHarness(PolicyHistory policies, Duration retention, Instant start) {
        this.rules = new ClockRules(policies, "sla-timer-service", retention);
        this.reader = new ClockReader(policies);
        this.now = start;
    }

    /** A ticket event arrives at the current wall clock (with the task still reading its backlog, or not). */
    Step arrive(TicketEvent event, boolean byWallClock) {
        return record(rules.apply(clock, event, now, byWallClock));
    }

    /**
     * The wall clock moves to {@code until}; each timer due on the way fires at its own instant, or, when
     * {@code late}, all at {@code until} (the instance was down, or still reading its backlog).
     */
    abstract void passTimeTo(Instant until, boolean late);

    Step record(Step step) {
        clock = step.after();
        emitted.addAll(step.events());
        return step;
    }

    Instant now() {
        return now;
    }

    SlaClock clock() {
        return clock;
    }

    List<SlaEvent> emitted() {
        return emitted;
    }

    /**
     * The clock as a reader of these SLA events sees it: state, severity, deadline, and the response of a MET;
     * pauses are read only {@code withHolds}.
     */
    static View follow(List<SlaEvent> events, boolean withHolds) {
        View view = null;
        for (SlaEvent event : events) {
            Object payload = event.getPayload();
            String severity = event.getSeverity().name();
            Instant dueAt = event.getDueAt();
            if (payload instanceof SlaClockStarted) {
                view = new View(ClockState.RUNNING, severity, dueAt, null);
            } else if (payload instanceof SlaDeadlineChanged) {
                view = new View(view.state(), severity, dueAt, view.respondedAt());
            } else if (payload instanceof SlaClockStopped || withHolds && payload instanceof SlaClockPaused) {
                view = new View(ClockState.STOPPED, severity, dueAt, null);
            } else if (withHolds && payload instanceof SlaClockResumed) {
                view = new View(ClockState.RUNNING, severity, dueAt, null);
            } else if (payload instanceof SlaMet met) {
                view = new View(ClockState.MET, severity, dueAt, met.getRespondedAt());
            } else if (payload instanceof SlaBreached) {
                view = new View(ClockState.BREACHED, severity, dueAt, null);
            } else if (payload instanceof SlaCorrected corrected) {
                ClockState state = withHolds && corrected.getState() == SlaClockState.PAUSED ? ClockState.STOPPED
                        : ClockState.valueOf(corrected.getState().name());
                view = new View(state, severity, dueAt, state == ClockState.MET ? corrected.getRespondedAt() : null);
            }
        }
        return view;
    }

    /** What the facts say, in the shape of a {@link View}. */
    static View viewOf(ClockReading reading) {
        return new View(reading.state(), reading.severity().name(), reading.dueAt(),
                reading.state() == ClockState.MET ? reading.respondedAt() : null);
    }

    record View(ClockState state, String severity, Instant dueAt, Instant respondedAt) {
    }
}
