package no.biztek.support.escalation.board;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.policy.calendar.BusinessCalendar;
import no.biztek.support.policy.calendar.OpeningHours;

/**
 * A business calendar's opening hours between two instants, as the open intervals the board page counts business
 * time with: the page gets them once and ticks every countdown itself, instead of the server pushing each clock every
 * second. The page's arithmetic is this class's {@link #businessTimeBetween}; beyond the window it adds what the
 * server computed ({@code tail} of a row).
 *
 * @param from      the window's start (a midnight in the calendar's zone)
 * @param until     its end (exclusive)
 * @param intervals open intervals, ascending, disjoint and not touching (adjacent days of a desk open around
 *                  midnight are one interval)
 */
record CalendarWindow(Instant from, Instant until, List<Interval> intervals) {

    /** Open from {@code start} (inclusive) to {@code end} (exclusive). */
    record Interval(Instant start, Instant end) {
    }

    /** The opening hours of the calendar from the start of {@code firstDay} to the start of {@code endDay}. */
    static CalendarWindow of(BusinessCalendar calendar, LocalDate firstDay, LocalDate endDay) {
        ZoneId zone = calendar.zone();
        List<Interval> intervals = new ArrayList<>();
        for (LocalDate day = firstDay; day.isBefore(endDay); day = day.plusDays(1)) {
            OpeningHours hours = calendar.openingHoursOn(day);
            if (hours == null) {
                continue;
            }
            Instant start = day.atTime(hours.opens()).atZone(zone).toInstant();
            Instant end = hours.untilMidnight() ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : day.atTime(hours.closes()).atZone(zone).toInstant();
            if (!end.isAfter(start)) {
                continue;
            }
            int lastIndex = intervals.size() - 1;
            if (lastIndex >= 0 && !intervals.get(lastIndex).end().isBefore(start)) {
                intervals.set(lastIndex, new Interval(intervals.get(lastIndex).start(), end));
            } else {
                intervals.add(new Interval(start, end));
            }
        }
        return new CalendarWindow(firstDay.atStartOfDay(zone).toInstant(), endDay.atStartOfDay(zone).toInstant(),
                List.copyOf(intervals));
    }

    /** Whether the desk is open at the instant (an instant outside the window: false). */
    boolean isOpenAt(Instant instant) {
        return intervals.stream().anyMatch(i -> !instant.isBefore(i.start()) && instant.isBefore(i.end()));
    }

    /** Business time between two instants inside the window; negative when {@code to} is before {@code from}. */
    Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration sum = Duration.ZERO;
        for (Interval i : intervals) {
            Instant start = i.start().isAfter(from) ? i.start() : from;
            Instant end = i.end().isBefore(to) ? i.end() : to;
            if (end.isAfter(start)) {
                sum = sum.plus(Duration.between(start, end));
            }
        }
        return sum;
    }
}
