package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.List;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;

/**
 * Reads a stored clock: what its facts say at an instant, under the policy version it is measured under (any plan's
 * version, by its id: version ids are unique across plans).
 */
public final class ClockReader {

    private final PlanCatalogue plans;

    /** Reads clocks measured under one plan's versions (the default plan, as files without plans give it). */
    public ClockReader(PolicyHistory policies) {
        this(new PlanCatalogue(List.of(policies)));
    }

    public ClockReader(PlanCatalogue plans) {
        this.plans = plans;
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
        return policyOf(clock).plan();
    }

    /** The policy version a clock is measured under (a version no longer in the file: the default plan's then). */
    SlaPolicy policyOf(SlaClock clock) {
        return plans.versionById(clock.policyVersion())
                .orElseGet(() -> plans.defaultPlan().inForceAt(clock.openedAt()));
    }

    /**
     * The terms a new ticket is measured under: the plan TicketOpened named (null: the default plan), or the default
     * plan when the file does not know it; that plan's version in force at {@code openedAt}. Throws
     * IllegalArgumentException before the plan's first version.
     */
    PlanChoice inForceAt(String namedPlan, Instant openedAt) {
        String plan = planAt(namedPlan);
        if (plans.plan(plan).isEmpty()) {
            return new PlanChoice(plans.defaultPlan().inForceAt(openedAt), plan);
        }
        return new PlanChoice(plans.inForceAt(plan, openedAt), null);
    }

    /** The plan of the customer's contract when intake opened the ticket, as TicketOpened names it. */
    static String planAt(String namedPlan) {
        return namedPlan == null || namedPlan.isBlank() ? PlanCatalogue.DEFAULT_PLAN : namedPlan;
    }

    /**
     * @param policy      the version measuring the ticket
     * @param unknownPlan the plan named but not known here (measured under the default plan instead), null for none
     */
    record PlanChoice(SlaPolicy policy, String unknownPlan) {
    }
}
