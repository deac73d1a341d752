package no.biztek.support.policy.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

/** The public holidays a calendar closes on, computed for any year. */
public enum PublicHolidays {

    /**
     * Norwegian public holidays (helligdager and 1 and 17 May): New Year's Day, Maundy Thursday, Good Friday,
     * Easter Sunday, Easter Monday, 1 May, 17 May, Ascension Day, Whit Sunday, Whit Monday, 25 and 26 December.
     */
    NORWAY {
        @Override
        public Set<LocalDate> in(int year) {
            LocalDate easter = easterSunday(year);
            // a Set.copyOf over a list: two holidays can share a date (Whit Monday on 17 May in 2027)
            return Set.copyOf(List.of(
                    LocalDate.of(year, 1, 1),
                    easter.minusDays(3),
                    easter.minusDays(2),
                    easter,
                    easter.plusDays(1),
                    LocalDate.of(year, 5, 1),
                    LocalDate.of(year, 5, 17),
                    easter.plusDays(39),
                    easter.plusDays(49),
                    easter.plusDays(50),
                    MonthDay.of(12, 25).atYear(year),
                    MonthDay.of(12, 26).atYear(year)));
        }
    },

    /** No public holidays (only the weekly hours and extra closed dates apply). */
    NONE {
        @Override
        public Set<LocalDate> in(int year) {
            return Set.of();
        }
    };

    /** The public holidays of the given year. */
    public abstract Set<LocalDate> in(int year);

    /** Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
