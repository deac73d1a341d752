package no.biztek.support.escalation.billing;

import static no.biztek.support.escalation.TestEvents.contract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import no.biztek.support.policy.calendar.BusinessCalendar;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.ContractTerms;

/** The billing rules as a pure function, case by case (calendar of the default policy). */
class BillingCalculatorTest {

    private static final BusinessCalendar CALENDAR = PolicyFile.defaultPolicy().versions().get(0).calendar();
    private static final ContractTerms DEFAULT = ResolvedTerms.fromPolicy(
            PolicyFile.defaultPolicy().versions().get(0).vendorEscalation());

    private static Instant oslo(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Oslo")).toInstant();
    }

    @ParameterizedTest(name = "{0} to {1}: worked {2}, billed {3}, after hours {4}, {5} NOK")
    @CsvSource({
            // weekday in opening hours
            "2026-03-03T09:00, 2026-03-03T09:01,   1,  60,   0, 1250.00",
            "2026-03-03T09:00, 2026-03-03T10:00,  60,  60,   0, 1250.00",
            "2026-03-03T09:00, 2026-03-03T10:00:01, 61, 120,  0, 2500.00",
            "2026-03-03T07:00, 2026-03-03T16:00, 540, 540,   0, 11250.00",
            // across closing and opening time; billed minutes split like the worked minutes
            "2026-03-03T15:00, 2026-03-03T16:00,  60,  60,   0, 1250.00",
            "2026-03-03T15:59, 2026-03-03T16:01,   2,  60,  30, 1562.50",
            "2026-03-03T16:00, 2026-03-03T16:30,  30,  60,  60, 1875.00",
            "2026-03-03T06:00, 2026-03-03T08:00, 120, 120,  60, 3125.00",
            // night, weekend, holidays (Good Friday 2026-04-03, Whit Monday 2026-05-25, Christmas Day)
            "2026-03-03T23:30, 2026-03-04T00:30,  60,  60,  60, 1875.00",
            "2026-03-08T12:00, 2026-03-08T12:05,   5,  60,  60, 1875.00",
            "2026-04-03T10:00, 2026-04-03T12:00, 120, 120, 120, 3750.00",
            "2026-05-25T08:00, 2026-05-25T08:30,  30,  60,  60, 1875.00",
            "2026-12-25T10:00, 2026-12-25T10:30,  30,  60,  60, 1875.00",
            // Friday afternoon into the weekend
            "2026-03-06T15:30, 2026-03-06T17:00,  90, 120,  80, 3333.33",
            // the spring-forward night (Sunday 29 March 2026, 02:00 → 03:00) is real elapsed time
            "2026-03-29T01:30, 2026-03-29T03:30,  60,  60,  60, 1875.00",
    })
    void defaultTerms(String from, String to, long worked, long billed, long afterHours, String amount) {
        BillableTime time = BillingCalculator.bill(oslo(from), oslo(to), DEFAULT, CALENDAR);

        assertThat(time.workedMinutes()).isEqualTo(worked);
        assertThat(time.billedMinutes()).isEqualTo(billed);
        assertThat(time.afterHoursMinutes()).isEqualTo(afterHours);
        assertThat(time.amountNok()).isEqualByComparingTo(amount);
        assertThat(time.amountNok().scale()).isEqualTo(2);
    }

    /**
     * The after-hours multiplier is charged on the minutes worked after hours, never on rounding minutes nobody
     * worked: the billed minutes are split in proportion to the worked minutes inside and outside opening hours
     * (Tuesday 3 March 2026, Europe/Oslo, opening 07:00–16:00; default contract: started hour, 1,250 NOK/h, × 1.5).
     */
    @ParameterizedTest(name = "{0} to {1}: billed {2}, after hours {3}, {4} NOK")
    @CsvSource({
            // 1 minute worked in hours, 1 after: half the hour after hours (not 59 minutes: 1,864.58)
            "2026-03-03T15:59, 2026-03-03T16:01, 60, 30, 1562.50",
            // all worked in hours: the rounding minutes too
            "2026-03-03T09:00, 2026-03-03T09:02, 60,  0, 1250.00",
            // all worked before opening: the rounding minutes past 07:00 are after hours like the work
            "2026-03-03T06:30, 2026-03-03T07:00, 60, 60, 1875.00",
            "2026-03-03T05:00, 2026-03-03T05:30, 60, 60, 1875.00",
    })
    void theRoundingMinutesAreSplitLikeTheWorkedMinutes(String from, String to, long billed, long afterHours,
                                                       String amount) {
        BillableTime time = BillingCalculator.bill(oslo(from), oslo(to), DEFAULT, CALENDAR);

        assertThat(time.billedMinutes()).isEqualTo(billed);
        assertThat(time.afterHoursMinutes()).isEqualTo(afterHours);
        assertThat(time.amountNok()).isEqualByComparingTo(amount);
    }

    @Test
    void anExactHalfMinuteOfTheSplitGoesToOpeningHours() {
        // 60 billed, 8 worked of which 1 after hours: 7.5 → 7 after hours; 7 of 8: 52.5 → 52
        assertThat(BillingCalculator.afterHoursShare(60, 1, 8)).isEqualTo(7);
        assertThat(BillingCalculator.afterHoursShare(60, 7, 8)).isEqualTo(52);
        assertThat(BillingCalculator.afterHoursShare(60, 2, 7)).as("17.14 → 17").isEqualTo(17);
        assertThat(BillingCalculator.afterHoursShare(60, 5, 7)).as("42.86 → 43").isEqualTo(43);
        BillableTime tie = BillingCalculator.bill(oslo("2026-03-03T15:53"), oslo("2026-03-03T16:01"), DEFAULT, CALENDAR);
        assertThat(tie.afterHoursMinutes()).isEqualTo(7);
        assertThat(tie.amountNok()).isEqualByComparingTo("1322.92"); // 1250 × (53 + 1.5 × 7) / 60
    }

    @ParameterizedTest(name = "increment {2} min: {0} to {1} billed {3}, {4} NOK")
    @CsvSource({
            "2026-03-03T09:00, 2026-03-03T09:01,  1,   1,   16.67",
            "2026-03-03T09:00, 2026-03-03T09:20, 15,  30,  500.00",
            "2026-03-03T09:00, 2026-03-03T09:30, 15,  30,  500.00",
            "2026-03-03T09:00, 2026-03-03T09:31, 30,  60, 1000.00",
            "2026-03-03T15:50, 2026-03-03T16:20, 15,  30,  833.33",
            "2026-03-03T09:00, 2026-03-03T09:10, 240, 240, 4000.00",
    })
    void customIncrement(String from, String to, int increment, long billed, String amount) {
        BillableTime time = BillingCalculator.bill(oslo(from), oslo(to), contract(false, increment, "1000.00", "2.00"),
                CALENDAR);

        assertThat(time.billedMinutes()).isEqualTo(billed);
        assertThat(time.amountNok()).isEqualByComparingTo(amount);
    }

    @Test
    void anIncludedContractBillsZeroButKeepsTheMinutes() {
        BillableTime time = BillingCalculator.bill(oslo("2026-03-07T10:00"), oslo("2026-03-07T10:10"),
                contract(true, 60, "1250.00", "1.50"), CALENDAR);

        assertThat(time.billedMinutes()).isEqualTo(60);
        assertThat(time.afterHoursMinutes()).isEqualTo(60);
        assertThat(time.amountNok()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void amountsRoundHalfUpToOre() {
        // 1000.01 × 1 min / 60 = 16.66683… → 16.67; 0.03 × 30 / 60 = 0.015 → 0.02
        assertThat(BillingCalculator.amount(new BigDecimal("1000.01"), BigDecimal.ONE, 1, 0))
                .isEqualTo(new BigDecimal("16.67"));
        assertThat(BillingCalculator.amount(new BigDecimal("0.03"), BigDecimal.ONE, 30, 0))
                .isEqualTo(new BigDecimal("0.02"));
    }

    @Test
    void anEntryMustEndAfterItStarts() {
        assertThatThrownBy(() -> BillingCalculator.bill(oslo("2026-03-03T09:00"), oslo("2026-03-03T09:00"), DEFAULT,
                CALENDAR)).isInstanceOf(IllegalArgumentException.class);
    }
}
