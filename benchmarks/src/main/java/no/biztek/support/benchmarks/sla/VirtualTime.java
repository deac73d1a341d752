package no.biztek.support.benchmarks.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The topology's time in a run: the real clock shifted so that "now" starts at {@link #START}. */
final class VirtualTime {

    /** Virtual "now" at the start of a run: Monday 2 March 2026 09:00 Europe/Oslo (inside opening hours). */
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private VirtualTime() {
    }

    /** A clock that reads {@link #START} now and ticks in real time from there. */
    static Clock startingNow() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
    }
}
