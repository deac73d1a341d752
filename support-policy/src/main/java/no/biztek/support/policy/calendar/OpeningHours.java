package no.biztek.support.policy.calendar;

import java.time.LocalTime;
import java.util.Objects;

/** The desk's opening hours on one day: open from {@code opens} (inclusive) until {@code closes} (exclusive). */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("opening hours must end after they start, were " + opens + "-" + closes);
        }
    }

    /** Parses {@code HH:mm-HH:mm}, e.g. {@code 07:00-16:00}. */
    public static OpeningHours parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:mm-HH:mm, was '" + text + "'");
        }
        return new OpeningHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
