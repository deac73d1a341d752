package no.biztek.support.escalation.billing;

import java.math.BigDecimal;

/**
 * What a time entry costs under a contract.
 *
 * @param workedMinutes     the entry's length, a started minute counting as a whole one
 * @param billedMinutes     worked minutes rounded up to the contract's billing increment
 * @param afterHoursMinutes part of the billed minutes charged with the after-hours multiplier: the billed minutes
 *                          split in proportion to the minutes worked outside and inside opening hours
 * @param amountNok         NOK, scale 2; 0.00 when the contract includes vendor escalation
 */
public record BillableTime(long workedMinutes, long billedMinutes, long afterHoursMinutes, BigDecimal amountNok) {
}
