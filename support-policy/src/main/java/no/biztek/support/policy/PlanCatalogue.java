package no.biztek.support.policy;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every plan of a policy file by name, each with its versions. The published terms are the default plan;
 * a customer's contract may name another. A ticket is measured under its customer's plan at {@code openedAt}
 * and that plan's version in force then.
 */
public final class PlanCatalogue {

    /** The plan of the published terms, and of every customer whose contract names none. */
    public static final String DEFAULT_PLAN = "standard";

    private final Map<String, PolicyHistory> plans;
    private final Map<String, SlaPolicy> versionsById;

    public PlanCatalogue(Collection<PolicyHistory> plans) {
        Map<String, PolicyHistory> byName = new LinkedHashMap<>();
        // stored clocks and SLA events name a version id alone, so an id must identify its plan too
        Map<String, SlaPolicy> byId = new HashMap<>();
        for (PolicyHistory plan : plans) {
            if (byName.put(plan.plan(), plan) != null) {
                throw new IllegalArgumentException("plan '" + plan.plan() + "' is given twice");
            }
            for (SlaPolicy version : plan.versions()) {
                SlaPolicy other = byId.put(version.id(), version);
                if (other != null) {
                    throw new IllegalArgumentException("policy version id '" + version.id() + "' is used by plans '"
                            + other.plan() + "' and '" + version.plan() + "'; version ids must be unique across plans");
                }
            }
        }
        if (!byName.containsKey(DEFAULT_PLAN)) {
            throw new IllegalArgumentException("the default plan '" + DEFAULT_PLAN + "' is missing; plans were "
                    + byName.keySet());
        }
        this.plans = Collections.unmodifiableMap(byName);
        this.versionsById = byId;
    }

    /** The published terms. */
    public PolicyHistory defaultPlan() {
        return plans.get(DEFAULT_PLAN);
    }

    public Optional<PolicyHistory> plan(String name) {
        return Optional.ofNullable(plans.get(name));
    }

    /** Every plan name, in file order. */
    public Set<String> planNames() {
        return plans.keySet();
    }

    /**
     * The version of the plan in force at the instant (for a ticket: its customer's plan at {@code openedAt}).
     *
     * @throws IllegalArgumentException for an unknown plan, or an instant before the plan's first version
     */
    public SlaPolicy inForceAt(String plan, Instant instant) {
        return plan(plan).orElseThrow(() -> new IllegalArgumentException("no plan '" + plan + "'; plans are "
                + plans.keySet())).inForceAt(instant);
    }

    /** A version of any plan by its id. */
    public Optional<SlaPolicy> versionById(String id) {
        return Optional.ofNullable(versionsById.get(id));
    }
}
