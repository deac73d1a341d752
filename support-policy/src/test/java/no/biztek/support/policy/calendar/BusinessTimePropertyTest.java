package no.biztek.support.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of business-time arithmetic over the terms' calendar, for instants across 2024-2029. */
class BusinessTimePropertyTest {

    private static final long FROM = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2029-01-01T00:00:00Z").toEpochMilli();
    /** Up to 30 business days of 9 hours. */
    private static final long MAX_BUSINESS_MILLIS = Duration.ofHours(30 * 9).toMillis();

    private final BusinessCalendar calendar = Calendars.biztek();

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> any = Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochMilli);
        // whole minutes hit the opening and closing edges far more often
        Arbitrary<Instant> minutes = Arbitraries.longs().between(FROM / 60_000, TO / 60_000)
                .map(m -> Instant.ofEpochSecond(m * 60));
        return Arbitraries.oneOf(any, minutes);
    }

    @Provide
    Arbitrary<Duration> businessTimes() {
        Arbitrary<Duration> any = Arbitraries.longs().between(0, MAX_BUSINESS_MILLIS).map(Duration::ofMillis);
        Arbitrary<Duration> targets = Arbitraries.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8),
                Duration.ofHours(9), Duration.ofMinutes(30));
        return Arbitraries.oneOf(any, targets);
    }

    @Property
    void elapsedUndoesAdd(@ForAll("instants") Instant t, @ForAll("businessTimes") Duration d) {
        assertThat(calendar.businessTimeBetween(t, calendar.plusBusinessTime(t, d))).isEqualTo(d);
    }

    @Property
    void addIsMonotonicInTheStart(@ForAll("instants") Instant t1, @ForAll("instants") Instant t2,
                                  @ForAll("businessTimes") Duration d) {
        Instant earlier = t1.isBefore(t2) ? t1 : t2;
        Instant later = t1.isBefore(t2) ? t2 : t1;
        assertThat(calendar.plusBusinessTime(earlier, d)).isBeforeOrEqualTo(calendar.plusBusinessTime(later, d));
    }

    @Property
    void addIsMonotonicInTheDuration(@ForAll("instants") Instant t, @ForAll("businessTimes") Duration d1,
                                     @ForAll("businessTimes") Duration d2) {
        Duration shorter = d1.compareTo(d2) <= 0 ? d1 : d2;
        Duration longer = d1.compareTo(d2) <= 0 ? d2 : d1;
        assertThat(calendar.plusBusinessTime(t, shorter)).isBeforeOrEqualTo(calendar.plusBusinessTime(t, longer));
    }

    @Property
    void addComposes(@ForAll("instants") Instant t, @ForAll("businessTimes") Duration a,
                     @ForAll("businessTimes") Duration b) {
        assertThat(calendar.plusBusinessTime(calendar.plusBusinessTime(t, a), b))
                .isEqualTo(calendar.plusBusinessTime(t, a.plus(b)));
    }

    @Property
    void aDeadlineFallsInsideOpeningHours(@ForAll("instants") Instant t, @ForAll("businessTimes") Duration d) {
        Assume.that(!d.isZero()); // zero business time is the start itself, wherever that is
        Instant deadline = calendar.plusBusinessTime(t, d);
        // open just before the deadline: it lies in (opening, closing], closing itself included
        assertThat(calendar.isOpenAt(deadline.minusNanos(1))).isTrue();
        assertThat(deadline).isAfter(t);
    }

    @Property
    void elapsedIsAdditive(@ForAll("instants") Instant a, @ForAll("instants") Instant b, @ForAll("instants") Instant c) {
        assertThat(calendar.businessTimeBetween(a, b).plus(calendar.businessTimeBetween(b, c)))
                .isEqualTo(calendar.businessTimeBetween(a, c));
    }

    @Property
    void nextOpeningIsOpenAndNothingIsOpenBeforeIt(@ForAll("instants") Instant t) {
        Instant opening = calendar.nextOpening(t);
        assertThat(calendar.isOpenAt(opening)).isTrue();
        assertThat(calendar.businessTimeBetween(t, opening)).isZero();
    }
}
