package no.biztek.support.policy.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * One local year of a business calendar laid out for fast arithmetic: per day its opening and
 * closing instant (epoch nanoseconds; equal on closed days) and the business time of all earlier
 * days of the year. Immutable.
 */
final class BusinessYear {

    final int year;
    private final long[] opens;
    private final long[] closes;
    /** {@code elapsedBefore[i]}: business nanos of days {@code 0..i-1}; one entry more than there are days. */
    private final long[] elapsedBefore;

    private BusinessYear(int year, long[] opens, long[] closes, long[] elapsedBefore) {
        this.year = year;
        this.opens = opens;
        this.closes = closes;
        this.elapsedBefore = elapsedBefore;
    }

    static BusinessYear of(int year, BusinessCalendar calendar) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        long[] opens = new long[days];
        long[] closes = new long[days];
        long[] elapsedBefore = new long[days + 1];
        ZoneId zone = calendar.zone();
        for (int i = 0; i < days; i++) {
            LocalDate date = first.plusDays(i);
            OpeningHours hours = calendar.openingHoursOn(date);
            if (hours == null) {
                long midnight = Nanos.of(date.atStartOfDay(zone).toInstant());
                opens[i] = midnight;
                closes[i] = midnight;
            } else {
                opens[i] = Nanos.of(date.atTime(hours.opens()).atZone(zone).toInstant());
                closes[i] = Nanos.of(hours.untilMidnight() ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : date.atTime(hours.closes()).atZone(zone).toInstant());
            }
            elapsedBefore[i + 1] = elapsedBefore[i] + (closes[i] - opens[i]);
        }
        return new BusinessYear(year, opens, closes, elapsedBefore);
    }

    /** Business nanos of the whole year. */
    long total() {
        return elapsedBefore[opens.length];
    }

    /** Business nanos from the start of the year until {@code nanos}, an instant on the given day of this year. */
    long elapsedUntil(int dayIndex, long nanos) {
        long within = Math.min(Math.max(nanos, opens[dayIndex]), closes[dayIndex]) - opens[dayIndex];
        return elapsedBefore[dayIndex] + within;
    }

    /**
     * The earliest instant (epoch nanos) at which {@code elapsed} business nanos of this year have passed;
     * {@code 0 < elapsed <= total()}.
     */
    long instantAtElapsed(long elapsed) {
        // first day whose end of business reaches the target: elapsedBefore[i + 1] >= elapsed
        int found = Arrays.binarySearch(elapsedBefore, 1, elapsedBefore.length, elapsed);
        int day;
        if (found >= 0) {
            // a run of closed days repeats the same value; the earliest day that reaches it closes at that moment
            int i = found;
            while (i > 1 && elapsedBefore[i - 1] == elapsed) {
                i--;
            }
            day = i - 1;
        } else {
            day = -found - 2;
        }
        return opens[day] + (elapsed - elapsedBefore[day]);
    }

    boolean isOpen(int dayIndex, long nanos) {
        return nanos >= opens[dayIndex] && nanos < closes[dayIndex];
    }

    /** The opening at or after {@code nanos} on the given day, or -1 if the day has none left. */
    long openingFrom(int dayIndex, long nanos) {
        if (opens[dayIndex] == closes[dayIndex] || nanos >= closes[dayIndex]) {
            return -1;
        }
        return Math.max(nanos, opens[dayIndex]);
    }

    int days() {
        return opens.length;
    }
}
