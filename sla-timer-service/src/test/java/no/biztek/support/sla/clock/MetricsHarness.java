package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.policy.Metric;
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
 * {@link RulesHarness} for a clock of several metrics: every metric's timer fires (at its instant, or late), and a
 * downstream reader follows each metric's SLA events apart.
 */
final class MetricsHarness {

    private final ClockRules rules;
    private final ClockReader reader;
    private final List<SlaEvent> emitted = new ArrayList<>();
    private SlaClock clock;
    private Instant now;

    MetricsHarness(PolicyHistory policies, Duration retention, Instant start) {
        this.rules = new ClockRules(policies, "sla-timer-service", retention);
        this.reader = new ClockReader(policies);
        this.now = start;
    }

    Step arrive(TicketEvent event, boolean byWallClock) {
        Step step = rules.apply(clock, event, now, byWallClock);
        clock = step.after();
        emitted.addAll(step.events());
        return step;
    }

    void passTimeTo(Instant until, boolean late) {
        Metric due;
        while ((due = nextDue(until)) != null) {
            Instant at = clock.metric(due).timerAt();
            now = late ? until : at.isAfter(now) ? at : now;
            Step step = rules.timer(clock, due, now);
            clock = step.after();
            emitted.addAll(step.events());
            if (clock != null && clock.metric(due).timerAt() != null && !clock.metric(due).timerAt().isAfter(now)) {
                throw new AssertionError("a " + due.id() + " timer at " + at + " fired at " + now
                        + " planned the next one at " + clock.metric(due).timerAt() + ": the punctuator would spin");
            }
        }
        if (until.isAfter(now)) {
            now = until;
        }
    }

    /** The metric whose timer is due first by {@code until}, null for none. */
    private Metric nextDue(Instant until) {
        Metric first = null;
        for (Metric metric : clock == null ? List.<Metric>of() : clock.metrics()) {
            Instant at = clock.metric(metric).timerAt();
            if (at != null && !at.isAfter(until)
                    && (first == null || at.isBefore(clock.metric(first).timerAt()))) {
                first = metric;
            }
        }
        return first;
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

    ClockReading read(Metric metric) {
        return reader.read(clock, metric, now);
    }

    /** What a reader of the metric's SLA events makes of them. */
    RulesHarness.View downstreamView(Metric metric) {
        RulesHarness.View view = null;
        for (SlaEvent event : emitted) {
            if (!event.getMetric().equals(metric.id())) {
                continue;
            }
            Object payload = event.getPayload();
            String severity = event.getSeverity().name();
            Instant dueAt = event.getDueAt();
            if (payload instanceof SlaClockStarted) {
                view = new RulesHarness.View(ClockState.RUNNING, severity, dueAt, null);
            } else if (payload instanceof SlaDeadlineChanged) {
                view = new RulesHarness.View(view.state(), severity, dueAt, view.respondedAt());
            } else if (payload instanceof SlaClockStopped || payload instanceof SlaClockPaused) {
                view = new RulesHarness.View(ClockState.STOPPED, severity, dueAt, null);
            } else if (payload instanceof SlaClockResumed) {
                view = new RulesHarness.View(ClockState.RUNNING, severity, dueAt, null);
            } else if (payload instanceof SlaMet met) {
                view = new RulesHarness.View(ClockState.MET, severity, dueAt, met.getRespondedAt());
            } else if (payload instanceof SlaBreached) {
                view = new RulesHarness.View(ClockState.BREACHED, severity, dueAt, null);
            } else if (payload instanceof SlaCorrected corrected) {
                ClockState state = corrected.getState() == SlaClockState.PAUSED ? ClockState.STOPPED
                        : ClockState.valueOf(corrected.getState().name());
                view = new RulesHarness.View(state, severity, dueAt,
                        state == ClockState.MET ? corrected.getRespondedAt() : null);
            }
        }
        return view;
    }
}
