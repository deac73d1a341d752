package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.biztek.support.policy.PauseRules;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;

/**
 * What a ticket's facts say about one metric of its SLA at one instant ({@link MetricTimeline}); for resolution,
 * {@code respondedAt} is the resolution.
 *
 * @param state             where the clock stands
 * @param severity          the severity measured (after a verdict: the one it was judged under)
 * @param dueAt             the deadline in force (at a verdict: the one judged against; while stopped: the one in
 *                          force when the clock paused)
 * @param respondedAt       the first response, null without one (also recorded after a breach)
 * @param respondedBy       its consultant
 * @param businessTimeUsed  business time counted up to the response, or up to the instant read at (pauses excluded)
 * @param measuredSince     the fact since which {@code dueAt} holds: the opening, the last severity change or the
 *                          last reopening before the verdict
 * @param severityChange    the last severity change that moved the deadline, null for none
 * @param pauseReason       why the clock is paused (RESOLVED, or the reason of a hold), null while it counts
 * @param pausedAt          since when it is paused for that reason, null while it counts
 * @param warnings          warning thresholds armed for {@code dueAt} (their instants lie after {@code measuredSince});
 *                          empty unless RUNNING
 * @param pausedByReason    business time paused per reason up to the stopping fact or the instant read at
 */
public record ClockReading(ClockState state, Severity severity, Instant dueAt, Instant respondedAt, String respondedBy,
                           Duration businessTimeUsed, Fact measuredSince, Fact severityChange, String pauseReason,
                           Instant pausedAt, List<SlaPolicy.Warning> warnings, Map<String, Duration> pausedByReason) {

    public ClockReading {
        warnings = List.copyOf(warnings);
        pausedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(pausedByReason));
    }

    /** Whether the clock is paused for a hold (a reason other than the ticket being resolved). */
    public boolean isHeld() {
        return state == ClockState.STOPPED && pauseReason != null
                && !PauseRules.RESOLVED.equals(pauseReason);
    }

    /** Whole business minutes used, never negative. */
    public long businessMinutesUsed() {
        return Math.max(0, businessTimeUsed.toMinutes());
    }
}
