package no.biztek.support.policy.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Extra days the desk is closed besides weekends and public holidays: dates closed every year
 * (e.g. 24 and 31 December) and single dates.
 */
public record ClosedDates(Set<MonthDay> everyYear, Set<LocalDate> once) {

    public static final ClosedDates NONE = new ClosedDates(Set.of(), Set.of());

    public ClosedDates {
        everyYear = Set.copyOf(everyYear);
        once = Set.copyOf(once);
    }

    public boolean contains(LocalDate date) {
        return once.contains(date) || everyYear.contains(MonthDay.from(date));
    }
}
