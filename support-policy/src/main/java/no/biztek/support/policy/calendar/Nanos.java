package no.biztek.support.policy.calendar;

import java.time.Instant;

/** Instants as epoch nanoseconds (exact between the years 1678 and 2261). */
final class Nanos {

    private static final long PER_SECOND = 1_000_000_000L;

    private Nanos() {
    }

    /** @throws IllegalArgumentException for an instant outside the years 1678-2261 */
    static long of(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(instant + " lies outside the years 1678-2261 business time is computed for",
                    e);
        }
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, PER_SECOND), Math.floorMod(nanos, PER_SECOND));
    }
}
