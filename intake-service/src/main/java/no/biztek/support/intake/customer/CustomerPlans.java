package no.biztek.support.intake.customer;

import org.springframework.stereotype.Component;

import no.biztek.support.policy.PlanCatalogue;

/** The SLA plan a customer's contract names now, for stamping it on the customer's new tickets. */
@Component
public class CustomerPlans {

    private final CustomerDirectory.CustomerEntries entries;

    CustomerPlans(CustomerDirectory.CustomerEntries entries) {
        this.entries = entries;
    }

    /**
     * The customer's plan as this instance knows it, or the default plan for a customer without one or not (yet) in
     * the directory (its ticket is accepted all the same: losing a ticket is worse than measuring it by the default
     * contract). It does not wait to read the customers topic up to its end: that costs up to a poll interval per
     * opening, and an entry written on another instance within that moment is the only thing it would find.
     */
    public String planOf(String customerId) {
        return entries.get(customerId).map(customer -> customer.getPlan())
                .filter(plan -> plan != null).orElse(PlanCatalogue.DEFAULT_PLAN);
    }
}
