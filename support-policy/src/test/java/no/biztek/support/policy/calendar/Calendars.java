package no.biztek.support.policy.calendar;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Map;

/** Calendars used by the tests. */
final class Calendars {

    private Calendars() {
    }

    /** The terms' calendar: Monday to Friday 07:00-16:00 Europe/Oslo, Norwegian public holidays. */
    static BusinessCalendar biztek() {
        return new BusinessCalendar(OsloTime.OSLO, weekdays("07:00-16:00", DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), PublicHolidays.NORWAY, ClosedDates.NONE);
    }

    static Map<DayOfWeek, OpeningHours> weekdays(String hours, DayOfWeek... days) {
        Map<DayOfWeek, OpeningHours> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            weekly.put(day, OpeningHours.parse(hours));
        }
        return weekly;
    }
}
