package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PolicyHistory;

/**
 * {@link ClockHarness} for a clock of several metrics: every metric's timer fires (at its instant, or late), and a
 * downstream reader follows each metric's SLA events apart.
 */
final class MetricsHarness extends ClockHarness {

    MetricsHarness(PolicyHistory policies, Duration retention, Instant start) {
        super(policies, retention, start);
    }

    @Override
    void passTimeTo(Instant until, boolean late) {
        Metric due;
        while ((due = nextDue(until)) != null) {
            Instant at = clock.metric(due).timerAt();
            now = late ? until : at.isAfter(now) ? at : now;
            record(rules.timer(clock, due, now));
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

    ClockReading read(Metric metric) {
        return reader.read(clock, metric, now);
    }

    /** What a reader of the metric's SLA events makes of them. */
    View downstreamView(Metric metric) {
        return follow(emitted().stream().filter(event -> event.getMetric().equals(metric.id())).toList(), true);
    }
}
