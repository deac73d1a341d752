package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
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

    /** The first-response clock's state at {@code now}, a deadline passed by then counting as a breach. */
    public ClockReading read(SlaClock clock, Instant now) {
        return read(clock, Metric.FIRST_RESPONSE, now);
    }

    /** A measured metric's state at {@code now}, a deadline passed by then counting as a breach (the SLA status). */
    public ClockReading read(SlaClock clock, Metric metric, Instant now) {
        return MetricTimeline.read(clock.facts(), policyOf(clock), metric, now, true);
    }

    /** The plan a ticket is measured under, as SLA events name it. */
    public String planOf(SlaClock clock) {
        return SlaEventFactory.planName(policyOf(clock).plan());
    }

    /** The policy version a clock is measured under. */
    SlaPolicy policyOf(SlaClock clock) {
        SlaPolicy policy = policiesById.get(clock.policyVersion());
        return policy != null ? policy : policies.inForceAt(clock.openedAt());
    }

    /**
     * The policy version a customer's new ticket is measured under: its plan's version in force at {@code openedAt};
     * throws IllegalArgumentException before the first.
     */
    SlaPolicy inForceAt(String customerId, Instant openedAt) {
        String plan = planAt(customerId, openedAt);
        if (!plan.equals(policies.plan())) {
            throw new IllegalArgumentException("plan '" + plan + "' is not among the terms read ('" + policies.plan()
                    + "')");
        }
        return policies.inForceAt(openedAt);
    }

    /**
     * The plan of the customer's contract at {@code openedAt}. The seam for customers naming plans: until their
     * contracts are read here, every ticket is on the default plan, the one this reader's history holds.
     */
    static String planAt(String customerId, Instant openedAt) {
        return PlanCatalogue.DEFAULT_PLAN;
    }
}
