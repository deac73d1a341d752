package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PauseRules;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;

/**
 * One metric's SLA of a ticket as a pure function of its facts (SPEC §2, "facts, not arrival order"). The facts are
 * read in event-time order:
 * <ul>
 * <li>the deadline in force follows from {@code openedAt}, the severity in force and the business time counted (in
 * that severity's calendar), which excludes time paused for a reason the policy pauses the metric for ({@link Pauses}:
 * resolved, or held for a reason); a severity change recomputes it from {@code openedAt};</li>
 * <li>a deadline at or before the next fact is a breach at that deadline, and so is one a fact puts behind itself
 * (an upgrade whose recomputed deadline has passed); the metric's stopping fact before the deadline in force is MET
 * (first response: the response, also while paused; resolution: the resolution);</li>
 * <li>after the verdict later facts change nothing but what they record, except that a reopening withdraws a
 * resolution MET: the ticket was not resolved after all, and its clock runs again with the time it had left;</li>
 * <li>read by the wall clock, a deadline at or before {@code now} with no fact after it is a breach too. Read
 * without it (while a restarted task is still reading its backlog) only the facts decide.</li>
 * </ul>
 * Any arrival order of the same facts gives the same reading.
 */
final class MetricTimeline {

    static final String RESOLVED = PauseRules.RESOLVED;

    private MetricTimeline() {
    }

    /** Whether the policy version measures the metric for every severity (a version either sets it or not). */
    static boolean measures(SlaPolicy policy, Metric metric) {
        for (Severity severity : Severity.values()) {
            if (policy.terms(severity).target(metric).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static ClockReading read(TicketFacts facts, SlaPolicy policy, Metric metric, Instant now, boolean byWallClock) {
        Fact opened = facts.opened();
        Instant openedAt = opened.at();
        Severity severity = opened.severity();
        ActiveTime active = new ActiveTime(policy.terms(severity).calendar(), openedAt);
        Pauses pauses = new Pauses(policy.pauseRules(), metric);
        Fact.Kind stopsIt = metric == Metric.FIRST_RESPONSE ? Fact.Kind.RESPONDED : Fact.Kind.RESOLVED;
        Fact measuredSince = opened;
        Fact severityChange = null;
        Severity latestSeverity = severity;
        Fact latestChange = null;
        ClockState verdict = null;
        Instant verdictDueAt = null;
        Fact stop = null;
        for (Fact fact : facts.lifecycle()) {
            Instant at = fact.at().isBefore(openedAt) ? openedAt : fact.at();
            if (verdict == null) {
                Instant dueAt = active.reaching(target(policy, metric, severity));
                if (dueAt != null && !dueAt.isAfter(at)) {
                    verdict = ClockState.BREACHED;
                    verdictDueAt = dueAt;
                }
            }
            if (fact.kind() == stopsIt && stop == null) {
                stop = fact;
                if (verdict == null) {
                    verdict = ClockState.MET;
                    verdictDueAt = active.reachingIfNotPaused(target(policy, metric, severity));
                }
            }
            switch (fact.kind()) {
                case SEVERITY_CHANGED -> {
                    if (fact.severity() != latestSeverity) {
                        latestSeverity = fact.severity();
                        latestChange = fact;
                    }
                    if (verdict == null && fact.severity() != severity) {
                        severity = fact.severity();
                        active.countIn(policy.terms(severity).calendar());
                        measuredSince = fact;
                        severityChange = fact;
                    }
                }
                case REOPENED -> {
                    if (metric == Metric.RESOLUTION && stop != null && verdict == ClockState.MET) {
                        // not resolved after all: the MET is withdrawn and the clock runs under the severity now
                        verdict = null;
                        stop = null;
                        if (latestSeverity != severity) {
                            severity = latestSeverity;
                            severityChange = latestChange;
                            active.countIn(policy.terms(severity).calendar());
                        }
                    }
                }
                case RESPONDED, OPENED, RESOLVED, HELD, RESUMED -> {
                    // a response only matters as a stopping fact, pauses are Pauses' business; a second opening is a
                    // duplicate and never stored
                }
            }
            if (pauses.apply(fact, at)) {
                if (pauses.reason() != null) {
                    active.pause(at);
                } else if (active.paused()) {
                    active.resume(at);
                    if (verdict == null) {
                        measuredSince = fact;
                    }
                }
            }
        }
        Duration target = target(policy, metric, severity);
        if (verdict == null) {
            // the last fact may itself have put the deadline behind it (an upgrade); otherwise only the wall clock can
            Instant lastFact = facts.lifecycle().isEmpty() ? openedAt
                    : later(facts.lifecycle().get(facts.lifecycle().size() - 1).at(), openedAt);
            Instant dueAt = active.reaching(target);
            if (dueAt != null && (!dueAt.isAfter(lastFact) || byWallClock && !dueAt.isAfter(now))) {
                verdict = ClockState.BREACHED;
                verdictDueAt = dueAt;
            }
        }
        ClockState state = verdict != null ? verdict : active.paused() ? ClockState.STOPPED : ClockState.RUNNING;
        Instant dueAt = verdict != null ? verdictDueAt : active.reachingIfNotPaused(target);
        Instant stoppedAt = stop == null ? null : later(stop.at(), openedAt);
        Instant until = stoppedAt != null ? stoppedAt : now;
        Duration used = active.countedUntil(until);
        List<SlaPolicy.Warning> warnings = state == ClockState.RUNNING
                ? armedWarnings(policy, active, target, measuredSince.at()) : List.of();
        return new ClockReading(state, severity, dueAt, stoppedAt, stop == null ? null : stop.detail(),
                used, measuredSince, severityChange, pauses.reason(), pauses.reasonSince(), warnings,
                pauses.pausedUntil(until, active));
    }

    /** Thresholds reached after the deadline last moved: a moved deadline arms its warnings again. */
    private static List<SlaPolicy.Warning> armedWarnings(SlaPolicy policy, ActiveTime active, Duration target,
                                                         Instant since) {
        List<SlaPolicy.Warning> warnings = new ArrayList<>();
        for (int threshold : policy.warningThresholds().percents()) {
            Instant at = active.reaching(Duration.ofNanos(target.toNanos() / 100 * threshold));
            if (at != null && !at.isBefore(since)) {
                warnings.add(new SlaPolicy.Warning(threshold, at));
            }
        }
        return warnings;
    }

    static Duration target(SlaPolicy policy, Metric metric, Severity severity) {
        return policy.terms(severity).target(metric).orElseThrow(() -> new IllegalStateException(
                "policy version " + policy.id() + " sets no " + metric.id() + " target for severity "
                        + severity.level()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
