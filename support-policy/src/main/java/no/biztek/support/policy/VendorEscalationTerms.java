package no.biztek.support.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Contract terms for escalation support to a vendor (SPEC §2): billed per started increment at an
 * hourly rate, with a multiplier for time outside opening hours, unless the contract includes it.
 *
 * @param included             true: time is recorded but billed 0
 * @param billingIncrement     each time entry is rounded up to a whole number of increments
 * @param hourlyRateNok        rate per hour in NOK
 * @param afterHoursMultiplier factor for the part outside opening hours; 1 means no surcharge
 */
public record VendorEscalationTerms(boolean included, Duration billingIncrement, BigDecimal hourlyRateNok,
                                    BigDecimal afterHoursMultiplier) {

    public VendorEscalationTerms {
        Objects.requireNonNull(billingIncrement, "billingIncrement");
        Objects.requireNonNull(hourlyRateNok, "hourlyRateNok");
        Objects.requireNonNull(afterHoursMultiplier, "afterHoursMultiplier");
        if (billingIncrement.isNegative() || billingIncrement.isZero()) {
            throw new IllegalArgumentException("billing increment must be positive, was " + billingIncrement);
        }
        if (hourlyRateNok.signum() < 0) {
            throw new IllegalArgumentException("hourly rate must not be negative, was " + hourlyRateNok);
        }
        if (afterHoursMultiplier.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("after-hours multiplier must be at least 1, was " + afterHoursMultiplier);
        }
    }
}
