package no.biztek.support.escalation.billing;

import java.math.RoundingMode;
import java.time.Instant;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.policy.VendorEscalationTerms;
import no.biztek.support.schemas.billing.TermsSource;
import no.biztek.support.schemas.common.ContractTerms;
import no.biztek.support.schemas.customer.Customer;

/**
 * The terms a time entry is billed under: the customer's contract, or (no customer entry, or no
 * contract in it) the default vendor-escalation terms of the policy version in force when the entry
 * started. The business calendar is always that policy version's.
 */
public record ResolvedTerms(ContractTerms terms, TermsSource source, SlaPolicy policy) {

    public static ResolvedTerms resolve(Customer customer, PolicyHistory policies, Instant entryStartedAt) {
        SlaPolicy policy = policies.inForceAt(entryStartedAt);
        if (customer != null && customer.getContract() != null) {
            return new ResolvedTerms(customer.getContract(), TermsSource.CUSTOMER_CONTRACT, policy);
        }
        return new ResolvedTerms(fromPolicy(policy.vendorEscalation()), TermsSource.POLICY_DEFAULT, policy);
    }

    static ContractTerms fromPolicy(VendorEscalationTerms terms) {
        return ContractTerms.newBuilder()
                .setVendorEscalationIncluded(terms.included())
                .setBillingIncrementMinutes(Math.toIntExact(Math.max(1, terms.billingIncrement().toMinutes())))
                .setHourlyRateNok(terms.hourlyRateNok().setScale(2, RoundingMode.HALF_UP))
                .setAfterHoursMultiplier(terms.afterHoursMultiplier().setScale(2, RoundingMode.HALF_UP))
                .build();
    }

    /** What is wrong with a customer's contract terms, or null when they can be billed under. */
    public static String problem(ContractTerms terms) {
        if (terms == null) {
            return null;
        }
        if (terms.getBillingIncrementMinutes() < 1) {
            return "contract.billingIncrementMinutes must be at least 1, was " + terms.getBillingIncrementMinutes();
        }
        if (terms.getHourlyRateNok() == null || terms.getHourlyRateNok().signum() < 0) {
            return "contract.hourlyRateNok must not be negative, was " + terms.getHourlyRateNok();
        }
        if (terms.getAfterHoursMultiplier() == null
                || terms.getAfterHoursMultiplier().compareTo(java.math.BigDecimal.ONE) < 0) {
            return "contract.afterHoursMultiplier must be at least 1, was " + terms.getAfterHoursMultiplier();
        }
        return null;
    }
}
