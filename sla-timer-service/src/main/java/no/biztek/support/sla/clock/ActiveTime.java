package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.policy.calendar.BusinessCalendar;

/**
 * The business time that counts toward a clock: business time since it started, except while it was
 * paused. Built by walking a ticket's facts in event-time order ({@link #pause}, {@link #resume}); a
 * pause reason is the caller's business, so any number of reasons can share this arithmetic.
 */
final class ActiveTime {

    private BusinessCalendar calendar;
    /** Spans [start, end) that counted and ended in a pause, in time order. */
    private final List<Instant[]> ended = new ArrayList<>();
    /** Start of the span counting now; null while paused. */
    private Instant countingSince;

    ActiveTime(BusinessCalendar calendar, Instant start) {
        this.calendar = calendar;
        this.countingSince = start;
    }

    /**
     * Counts in another calendar from now on, for the whole time since the start: a severity with business hours of
     * its own recomputes its deadline from the start, as any severity change does (the spans are kept as instants).
     */
    void countIn(BusinessCalendar newCalendar) {
        this.calendar = newCalendar;
    }

    boolean paused() {
        return countingSince == null;
    }

    /** When the current pause began; null while counting. */
    Instant pausedAt() {
        return paused() && !ended.isEmpty() ? ended.get(ended.size() - 1)[1] : null;
    }

    void pause(Instant at) {
        if (!paused()) {
            ended.add(new Instant[] {countingSince, at.isBefore(countingSince) ? countingSince : at});
            countingSince = null;
        }
    }

    void resume(Instant at) {
        if (paused()) {
            Instant pausedAt = pausedAt();
            countingSince = pausedAt != null && at.isBefore(pausedAt) ? pausedAt : at;
        }
    }

    /** Business time counted up to {@code until} (never negative). */
    Duration countedUntil(Instant until) {
        Duration counted = Duration.ZERO;
        for (Instant[] span : ended) {
            counted = counted.plus(between(span[0], earlier(span[1], until)));
        }
        if (countingSince != null) {
            counted = counted.plus(between(countingSince, until));
        }
        return counted;
    }

    /**
     * The earliest instant at which {@code target} has been counted, or null when it is not reached before
     * the current pause (nothing counts until the clock resumes).
     */
    Instant reaching(Duration target) {
        return reaching(target, false);
    }

    /** As {@link #reaching}, but as if the current pause had not begun: the deadline in force when it paused. */
    Instant reachingIfNotPaused(Duration target) {
        return reaching(target, true);
    }

    private Instant reaching(Duration target, boolean ignoreCurrentPause) {
        Duration remaining = target;
        int spans = paused() && ignoreCurrentPause ? ended.size() - 1 : ended.size();
        for (int i = 0; i < spans; i++) {
            Instant[] span = ended.get(i);
            Duration counted = between(span[0], span[1]);
            if (counted.compareTo(remaining) >= 0) {
                return calendar.plusBusinessTime(span[0], remaining);
            }
            remaining = remaining.minus(counted);
        }
        if (countingSince != null) {
            return calendar.plusBusinessTime(countingSince, remaining);
        }
        return spans < ended.size() ? calendar.plusBusinessTime(ended.get(spans)[0], remaining) : null;
    }

    /** Business time in [from, to) by the calendar counted in now (never negative). */
    Duration businessTime(Instant from, Instant to) {
        return between(from, to);
    }

    private Duration between(Instant from, Instant to) {
        return to.isAfter(from) ? calendar.businessTimeBetween(from, to) : Duration.ZERO;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
