package no.biztek.support.escalation.paging;

import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;

/**
 * A ticket's plan in the policy file: the one its TicketOpened named, the default plan when it named none (writers
 * before TicketEvent v3) or one the file does not have (a ticket is never left without terms).
 */
public final class TicketPlans {

    private TicketPlans() {
    }

    public static PolicyHistory of(PlanCatalogue plans, String plan) {
        return plan == null ? plans.defaultPlan() : plans.plan(plan).orElseGet(plans::defaultPlan);
    }

    public static boolean known(PlanCatalogue plans, String plan) {
        return plan == null || plans.plan(plan).isPresent();
    }
}
