package no.biztek.support.policy.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Business time of the support desk: weekly opening hours in a zone, closed on public holidays and
 * extra closed dates. Business time is real elapsed time inside opening hours, so it stays exact
 * across daylight-saving switches.
 *
 * <p>Supported instants lie between the years 1678 and 2261. Thread-safe; each year's layout is
 * computed once, on first use.
 */
public final class BusinessCalendar {

    private static final int CACHED_FROM_YEAR = 1970;
    private static final int CACHED_YEARS = 300;
    /** A calendar may have a year without opening hours, but not this many in a row. */
    private static final int MAX_CLOSED_YEARS_IN_A_ROW = 5;

    private final ZoneId zone;
    private final Map<DayOfWeek, OpeningHours> weeklyHours;
    private final PublicHolidays publicHolidays;
    private final ClosedDates closedDates;
    private final AtomicReferenceArray<BusinessYear> years = new AtomicReferenceArray<>(CACHED_YEARS);

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, OpeningHours> weeklyHours, PublicHolidays publicHolidays,
                            ClosedDates closedDates) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.weeklyHours = weeklyHours.isEmpty() ? Map.of() : new EnumMap<>(weeklyHours);
        this.publicHolidays = Objects.requireNonNull(publicHolidays, "publicHolidays");
        this.closedDates = Objects.requireNonNull(closedDates, "closedDates");
        if (weeklyHours.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs opening hours on at least one day of the week");
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, OpeningHours> weeklyHours() {
        return Map.copyOf(weeklyHours);
    }

    public PublicHolidays publicHolidays() {
        return publicHolidays;
    }

    public ClosedDates closedDates() {
        return closedDates;
    }

    /** The opening hours on a date, or {@code null} when the desk is closed all day. */
    public OpeningHours openingHoursOn(LocalDate date) {
        OpeningHours hours = weeklyHours.get(date.getDayOfWeek());
        if (hours == null || closedDates.contains(date) || publicHolidays.in(date.getYear()).contains(date)) {
            return null;
        }
        return hours;
    }

    public boolean isBusinessDay(LocalDate date) {
        return openingHoursOn(date) != null;
    }

    /** Whether the desk is open at the instant (opening inclusive, closing exclusive). */
    public boolean isOpenAt(Instant instant) {
        long nanos = Nanos.of(instant);
        LocalDate date = LocalDate.ofInstant(instant, zone);
        return year(date.getYear()).isOpen(date.getDayOfYear() - 1, nanos);
    }

    /** The instant itself when the desk is open then, otherwise the next opening after it. */
    public Instant nextOpening(Instant instant) {
        long nanos = Nanos.of(instant);
        LocalDate date = LocalDate.ofInstant(instant, zone);
        BusinessYear year = year(date.getYear());
        int day = date.getDayOfYear() - 1;
        for (int closedYears = 0; closedYears <= MAX_CLOSED_YEARS_IN_A_ROW; closedYears++) {
            for (; day < year.days(); day++) {
                long opening = year.openingFrom(day, nanos);
                if (opening >= 0) {
                    return Nanos.toInstant(opening);
                }
            }
            year = year(year.year + 1);
            day = 0;
        }
        throw noOpeningHours(instant);
    }

    /**
     * The earliest instant at which {@code businessTime} of business time has elapsed since {@code start}:
     * the first-response deadline of a ticket opened at {@code start}. A start outside opening hours counts
     * from the next opening; a deadline that lands exactly at closing time is that closing time.
     */
    public Instant plusBusinessTime(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative, was " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        long startNanos = Nanos.of(start);
        LocalDate date = LocalDate.ofInstant(start, zone);
        BusinessYear year = year(date.getYear());
        long target = Math.addExact(year.elapsedUntil(date.getDayOfYear() - 1, startNanos), businessTime.toNanos());
        int closedYears = 0;
        while (target > year.total()) {
            closedYears = year.total() == 0 ? closedYears + 1 : 0;
            if (closedYears > MAX_CLOSED_YEARS_IN_A_ROW) {
                throw noOpeningHours(start);
            }
            target -= year.total();
            year = year(year.year + 1);
        }
        return Nanos.toInstant(year.instantAtElapsed(target));
    }

    /** Business time between two instants; negative when {@code to} is before {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        LocalDate fromDate = LocalDate.ofInstant(from, zone);
        LocalDate toDate = LocalDate.ofInstant(to, zone);
        BusinessYear fromYear = year(fromDate.getYear());
        long fromElapsed = fromYear.elapsedUntil(fromDate.getDayOfYear() - 1, Nanos.of(from));
        long toElapsed = year(toDate.getYear()).elapsedUntil(toDate.getDayOfYear() - 1, Nanos.of(to));
        long nanos = toElapsed - fromElapsed;
        for (int y = fromDate.getYear(); y < toDate.getYear(); y++) {
            nanos += year(y).total();
        }
        return Duration.ofNanos(nanos);
    }

    private BusinessYear year(int year) {
        int slot = year - CACHED_FROM_YEAR;
        if (slot < 0 || slot >= CACHED_YEARS) {
            return BusinessYear.of(year, this);
        }
        BusinessYear cached = years.get(slot);
        if (cached == null) {
            cached = BusinessYear.of(year, this);
            years.compareAndSet(slot, null, cached);
        }
        return cached;
    }

    private IllegalStateException noOpeningHours(Instant from) {
        return new IllegalStateException("business calendar has no opening hours in the "
                + MAX_CLOSED_YEARS_IN_A_ROW + " years after " + from);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + weeklyHours + ", holidays " + publicHolidays + ", closed "
                + closedDates + "]";
    }
}
