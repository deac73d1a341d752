package no.biztek.support.policy.calendar;

import static no.biztek.support.policy.calendar.OsloTime.OSLO;
import static no.biztek.support.policy.calendar.OsloTime.oslo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = Calendars.biztek();

    @ParameterizedTest(name = "open at {0}: {1}")
    @CsvSource({
            "2026-03-02T07:00, true",   // opening is inclusive
            "2026-03-02T06:59:59.999, false",
            "2026-03-02T15:59:59.999, true",
            "2026-03-02T16:00, false",  // closing is exclusive
            "2026-03-07T10:00, false",  // Saturday
            "2026-04-06T10:00, false",  // Easter Monday
            "2028-05-17T10:00, false",  // 17 May on a Wednesday
            "2026-12-24T10:00, true",   // Christmas Eve is not closed by the terms
            "2026-03-03T02:00, false"}) // night
    void isOpenAt(String local, boolean open) {
        assertThat(calendar.isOpenAt(oslo(local))).isEqualTo(open);
    }

    @ParameterizedTest(name = "next opening from {0} is {1}")
    @CsvSource({
            "2026-03-04T10:00, 2026-03-04T10:00", // open: the instant itself
            "2026-03-04T05:00, 2026-03-04T07:00",
            "2026-03-06T16:00, 2026-03-09T07:00", // Friday closing to Monday
            "2026-04-01T16:00, 2026-04-07T07:00", // over Easter
            "2026-12-31T16:00, 2027-01-04T07:00"}) // over the year end
    void nextOpening(String from, String expected) {
        assertThat(calendar.nextOpening(oslo(from))).isEqualTo(oslo(expected));
    }

    @Test
    void businessTimeBetweenCountsOnlyOpeningHours() {
        assertThat(calendar.businessTimeBetween(oslo("2026-03-02T09:00"), oslo("2026-03-03T08:00")))
                .isEqualTo(Duration.ofHours(8));
        assertThat(calendar.businessTimeBetween(oslo("2026-03-06T12:00"), oslo("2026-03-09T12:00")))
                .isEqualTo(Duration.ofHours(9));
        assertThat(calendar.businessTimeBetween(oslo("2026-03-07T00:00"), oslo("2026-03-08T23:59")))
                .isZero();
    }

    @Test
    void businessTimeBetweenAcrossYearEnds() {
        assertThat(calendar.businessTimeBetween(oslo("2025-12-31T10:00"), oslo("2026-01-02T09:00")))
                .isEqualTo(Duration.ofHours(8));
        // 2026 has 253 business days of 9 hours
        assertThat(calendar.businessTimeBetween(oslo("2026-01-01T00:00"), oslo("2027-01-01T00:00")))
                .isEqualTo(Duration.ofHours(253L * 9));
    }

    @Test
    void businessTimeBetweenIsNegativeBackwards() {
        assertThat(calendar.businessTimeBetween(oslo("2026-03-03T08:00"), oslo("2026-03-02T09:00")))
                .isEqualTo(Duration.ofHours(-8));
    }

    @Test
    void zeroBusinessTimeIsTheStartItself() {
        Instant saturday = oslo("2026-03-07T10:00");
        assertThat(calendar.plusBusinessTime(saturday, Duration.ZERO)).isEqualTo(saturday);
    }

    @Test
    void subMillisecondPrecisionIsKept() {
        Instant start = oslo("2026-03-02T09:00").plusNanos(123_456_789);
        assertThat(calendar.plusBusinessTime(start, Duration.ofNanos(1))).isEqualTo(start.plusNanos(1));
    }

    @Test
    void negativeBusinessTimeIsRefused() {
        assertThatThrownBy(() -> calendar.plusBusinessTime(Instant.now(), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongTargetSpansYears() {
        // 2026 and 2027 hold 253 + 255 business days
        Instant start = oslo("2026-01-01T00:00");
        assertThat(calendar.plusBusinessTime(start, Duration.ofHours((253L + 255) * 9)))
                .isEqualTo(oslo("2027-12-31T16:00"));
    }

    @Test
    void extraClosedDatesCloseTheDesk() {
        BusinessCalendar withChristmasEve = new BusinessCalendar(OSLO, calendar.weeklyHours(), PublicHolidays.NORWAY,
                new ClosedDates(Set.of(MonthDay.of(12, 24), MonthDay.of(12, 31)), Set.of(LocalDate.of(2026, 3, 3))));

        assertThat(withChristmasEve.isBusinessDay(LocalDate.of(2026, 12, 24))).isFalse();
        assertThat(withChristmasEve.isBusinessDay(LocalDate.of(2027, 12, 31))).isFalse();
        assertThat(withChristmasEve.isBusinessDay(LocalDate.of(2026, 3, 3))).isFalse();
        assertThat(withChristmasEve.isBusinessDay(LocalDate.of(2027, 3, 3))).isTrue();
        assertThat(withChristmasEve.plusBusinessTime(oslo("2026-12-23T15:00"), Duration.ofHours(2)))
                .isEqualTo(oslo("2026-12-28T08:00"));
    }

    @Test
    void businessTimeIsRealElapsedTimeAcrossDaylightSavingSwitches() {
        BusinessCalendar everyDayAllDay = new BusinessCalendar(OSLO, Calendars.weekdays("00:00-23:59",
                DayOfWeek.values()), PublicHolidays.NONE, ClosedDates.NONE);

        // 29 March 2026 loses an hour at 02:00, 25 October 2026 gains one at 03:00
        assertThat(everyDayAllDay.businessTimeBetween(oslo("2026-03-29T00:00"), oslo("2026-03-29T23:59")))
                .isEqualTo(Duration.ofHours(22).plusMinutes(59));
        assertThat(everyDayAllDay.businessTimeBetween(oslo("2026-10-25T00:00"), oslo("2026-10-25T23:59")))
                .isEqualTo(Duration.ofHours(24).plusMinutes(59));
        assertThat(everyDayAllDay.plusBusinessTime(oslo("2026-03-29T01:00"), Duration.ofHours(2)))
                .isEqualTo(oslo("2026-03-29T04:00"));
    }

    @Test
    void aDeskOpenAroundTheClockCountsEveryInstant() {
        BusinessCalendar always = new BusinessCalendar(OSLO, Calendars.weekdays("00:00-24:00", DayOfWeek.values()),
                PublicHolidays.NONE, ClosedDates.NONE);

        assertThat(OpeningHours.parse("00:00-24:00").toString()).isEqualTo("00:00-24:00");
        assertThat(always.isOpenAt(oslo("2026-03-07T23:59:59.999"))).isTrue();
        assertThat(always.plusBusinessTime(oslo("2026-03-07T23:59:30"), Duration.ofMinutes(1)))
                .isEqualTo(oslo("2026-03-08T00:00:30"));
        assertThat(always.businessTimeBetween(oslo("2026-03-06T12:00"), oslo("2026-03-09T12:00")))
                .isEqualTo(Duration.ofHours(72));
        // the spring DST switch day has 23 hours
        assertThat(always.businessTimeBetween(oslo("2026-03-29T00:00"), oslo("2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void otherZonesAndWeeksAreData() {
        BusinessCalendar london = new BusinessCalendar(java.time.ZoneId.of("Europe/London"),
                Map.of(DayOfWeek.SATURDAY, OpeningHours.parse("10:00-12:00")), PublicHolidays.NONE, ClosedDates.NONE);

        assertThat(london.plusBusinessTime(Instant.parse("2026-03-02T09:00:00Z"), Duration.ofHours(3)))
                .isEqualTo(Instant.parse("2026-03-14T11:00:00Z"));
    }

    @Test
    void aCalendarWithoutOpeningHoursIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(OSLO, Map.of(), PublicHolidays.NORWAY, ClosedDates.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openingHoursMustEndAfterTheyStart() {
        assertThatThrownBy(() -> OpeningHours.parse("16:00-07:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end after they start");
    }
}
