package no.biztek.support.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PublicHolidaysTest {

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "1818, 1818-03-22", // earliest possible date
            "1943, 1943-04-25", // latest possible date
            "2000, 2000-04-23",
            "2019, 2019-04-21",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2028, 2028-04-16",
            "2038, 2038-04-25",
            "2285, 2285-03-22"})
    void easterSundayByTheGregorianComputus(int year, LocalDate easter) {
        assertThat(PublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void norwegianHolidaysOf2026() {
        assertThat(PublicHolidays.NORWAY.in(2026)).containsExactlyInAnyOrder(
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-04-02"), // Maundy Thursday
                LocalDate.parse("2026-04-03"), // Good Friday
                LocalDate.parse("2026-04-05"), // Easter Sunday
                LocalDate.parse("2026-04-06"), // Easter Monday
                LocalDate.parse("2026-05-01"),
                LocalDate.parse("2026-05-14"), // Ascension Day
                LocalDate.parse("2026-05-17"),
                LocalDate.parse("2026-05-24"), // Whit Sunday
                LocalDate.parse("2026-05-25"), // Whit Monday
                LocalDate.parse("2026-12-25"),
                LocalDate.parse("2026-12-26"));
    }

    @Test
    void whitMondayAndConstitutionDayCoincideIn2027() {
        assertThat(PublicHolidays.NORWAY.in(2027)).hasSize(11).contains(LocalDate.parse("2027-05-17"));
    }

    @Test
    void noneHasNoHolidays() {
        assertThat(PublicHolidays.NONE.in(2026)).isEmpty();
    }
}
