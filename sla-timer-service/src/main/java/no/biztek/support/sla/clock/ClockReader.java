package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;

/** Reads a stored clock: what its facts say at an instant, under the policy version it is measured under. */
public final class ClockReader {

    private final PolicyHistory policies;
    private final Map<String, SlaPolicy> policiesById;

    public ClockReader(PolicyHistory policies) {
        this.policies = policies;
        this.policiesById = policies.versions().stream().collect(Collectors.toMap(SlaPolicy::id, p -> p));
    }

    /** The clock's state at {@code now}, a deadline passed by then counting as a breach (the SLA status). */
    public ClockReading read(SlaClock clock, Instant now) {
        return FirstResponseTimeline.read(clock.facts(), policyOf(clock), now, true);
    }

    /** The policy version a clock is measured under. */
    SlaPolicy policyOf(SlaClock clock) {
        SlaPolicy policy = policiesById.get(clock.policyVersion());
        return policy != null ? policy : policies.inForceAt(clock.openedAt());
    }

    /** The policy version in force at {@code instant}; throws IllegalArgumentException before the first. */
    SlaPolicy inForceAt(Instant instant) {
        return policies.inForceAt(instant);
    }
}
