package no.biztek.support.escalation.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import no.biztek.support.policy.calendar.BusinessCalendar;
import no.biztek.support.schemas.common.ContractTerms;

/**
 * The billing rules of vendor escalation (SPEC §2), as a pure function.
 *
 * <ol>
 *   <li>Worked minutes: the entry's length; a started minute counts as a whole one.</li>
 *   <li>Billed minutes: worked minutes rounded up to a whole number of the contract's increments
 *       (default: the started hour).</li>
 *   <li>The worked period runs from the entry's start (to the minute) for the worked minutes; its minutes outside
 *       the business calendar's opening hours (nights, weekends, public holidays, closed days) are worked after
 *       hours. The billed minutes are split in proportion: after-hours billed minutes = billed × worked after hours
 *       ÷ worked, rounded to the nearest whole minute, an exact half minute going to opening hours (the customer's
 *       favour). The rounding-up minutes nobody worked are thus charged at the mix of the minutes that were worked,
 *       never at the after-hours rate just because the rounding reaches past closing time.</li>
 *   <li>Amount = rate × in-hours hours + rate × multiplier × after-hours hours, rounded once to øre
 *       (scale 2, HALF_UP); 0.00 when the contract includes vendor escalation (minutes still recorded).</li>
 * </ol>
 */
public final class BillingCalculator {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private BillingCalculator() {
    }

    public static BillableTime bill(Instant startedAt, Instant endedAt, ContractTerms terms, BusinessCalendar calendar) {
        Duration worked = Duration.between(startedAt, endedAt);
        if (worked.isNegative() || worked.isZero()) {
            throw new IllegalArgumentException("a time entry must end after it starts: " + startedAt + " to " + endedAt);
        }
        int increment = terms.getBillingIncrementMinutes();
        if (increment < 1) {
            throw new IllegalArgumentException("billing increment must be at least 1 minute, was " + increment);
        }
        long workedMinutes = workedMinutes(startedAt, endedAt);
        long billedMinutes = ceilDiv(workedMinutes, increment) * increment;
        Instant workedFrom = startedAt.truncatedTo(ChronoUnit.MINUTES);
        Instant workedUntil = workedFrom.plus(Duration.ofMinutes(workedMinutes));
        long workedInHours = calendar.businessTimeBetween(workedFrom, workedUntil).toMinutes();
        long afterHoursMinutes = afterHoursShare(billedMinutes, workedMinutes - workedInHours, workedMinutes);
        long inHoursMinutes = billedMinutes - afterHoursMinutes;
        BigDecimal amount = terms.getVendorEscalationIncluded()
                ? BigDecimal.ZERO.setScale(2)
                : amount(terms.getHourlyRateNok(), terms.getAfterHoursMultiplier(), inHoursMinutes, afterHoursMinutes);
        return new BillableTime(workedMinutes, billedMinutes, afterHoursMinutes, amount);
    }

    /** Worked minutes of an entry (rule 1): its length, a started minute counting as a whole one; 0 when empty. */
    public static long workedMinutes(Instant startedAt, Instant endedAt) {
        return Math.max(0, ceilDiv(Duration.between(startedAt, endedAt).toMillis(), 60_000L));
    }

    /**
     * The after-hours part of the billed minutes: billed × worked after hours ÷ worked, to the nearest whole minute,
     * an exact half going to opening hours.
     */
    static long afterHoursShare(long billedMinutes, long workedAfterHours, long workedMinutes) {
        return BigDecimal.valueOf(billedMinutes).multiply(BigDecimal.valueOf(workedAfterHours))
                .divide(BigDecimal.valueOf(workedMinutes), 0, RoundingMode.HALF_DOWN).longValueExact();
    }

    static BigDecimal amount(BigDecimal hourlyRate, BigDecimal afterHoursMultiplier, long inHoursMinutes,
                             long afterHoursMinutes) {
        BigDecimal weightedMinutes = BigDecimal.valueOf(inHoursMinutes)
                .add(afterHoursMultiplier.multiply(BigDecimal.valueOf(afterHoursMinutes)));
        return hourlyRate.multiply(weightedMinutes).divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
