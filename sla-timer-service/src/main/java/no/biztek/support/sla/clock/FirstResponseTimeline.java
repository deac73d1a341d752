package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;

/**
 * The first-response SLA of a ticket as a pure function of its facts (SPEC §2, "facts, not arrival order").
 * The facts are read in event-time order:
 * <ul>
 * <li>the deadline in force follows from {@code openedAt}, the severity in force and the business time
 * counted, which excludes time while the ticket is resolved (a pause from {@code resolvedAt} to
 * {@code reopenedAt}); a severity change recomputes it from {@code openedAt};</li>
 * <li>a deadline at or before the next fact is a breach at that deadline, and so is one a fact puts behind
 * itself (an upgrade whose recomputed deadline has passed); a first response before the deadline in force is
 * MET (also while the clock is paused: its deadline lies ahead);</li>
 * <li>after the verdict later facts change nothing but what they record (the response, business time);</li>
 * <li>read by the wall clock, a deadline at or before {@code now} with no fact after it is a breach too.
 * Read without it (while a restarted task is still reading its backlog) only the facts decide.</li>
 * </ul>
 * Any arrival order of the same facts gives the same reading.
 */
final class FirstResponseTimeline {

    static final String RESOLVED = "RESOLVED";

    private FirstResponseTimeline() {
    }

    static ClockReading read(TicketFacts facts, SlaPolicy policy, Instant now, boolean byWallClock) {
        Fact opened = facts.opened();
        Instant openedAt = opened.at();
        ActiveTime active = new ActiveTime(policy.calendar(), openedAt);
        Severity severity = opened.severity();
        Fact measuredSince = opened;
        Fact severityChange = null;
        ClockState verdict = null;
        Instant verdictDueAt = null;
        Fact response = null;
        for (Fact fact : facts.lifecycle()) {
            Instant at = fact.at().isBefore(openedAt) ? openedAt : fact.at();
            if (verdict == null) {
                Instant dueAt = active.reaching(target(policy, severity));
                if (dueAt != null && !dueAt.isAfter(at)) {
                    verdict = ClockState.BREACHED;
                    verdictDueAt = dueAt;
                }
            }
            switch (fact.kind()) {
                case RESPONDED -> {
                    if (response == null) {
                        response = fact;
                        if (verdict == null) {
                            verdict = ClockState.MET;
                            verdictDueAt = active.reachingIfNotPaused(target(policy, severity));
                        }
                    }
                }
                case SEVERITY_CHANGED -> {
                    if (verdict == null && fact.severity() != severity) {
                        severity = fact.severity();
                        measuredSince = fact;
                        severityChange = fact;
                    }
                }
                case RESOLVED -> active.pause(at);
                case REOPENED -> {
                    if (active.paused()) {
                        active.resume(at);
                        if (verdict == null) {
                            measuredSince = fact;
                        }
                    }
                }
                case OPENED -> {
                    // a second opening is a duplicate and never stored
                }
            }
        }
        Duration target = target(policy, severity);
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
        Instant respondedAt = response == null ? null : later(response.at(), openedAt);
        Duration used = active.countedUntil(respondedAt != null ? respondedAt : now);
        List<SlaPolicy.Warning> warnings = state == ClockState.RUNNING
                ? armedWarnings(policy, active, target, measuredSince.at()) : List.of();
        return new ClockReading(state, severity, dueAt, respondedAt, response == null ? null : response.detail(),
                used, measuredSince, severityChange, active.paused() ? RESOLVED : null, active.pausedAt(), warnings);
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

    private static Duration target(SlaPolicy policy, Severity severity) {
        return policy.terms(severity).firstResponseTarget();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
