package no.biztek.support.policy.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The desk's opening hours on one day: open from {@code opens} (inclusive) until {@code closes} (exclusive).
 * {@link #UNTIL_MIDNIGHT} as closing time means open until the day ends (written {@code 24:00}).
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    /** Closing time of a desk open until the end of the day. */
    public static final LocalTime UNTIL_MIDNIGHT = LocalTime.MAX;

    public OpeningHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("opening hours must end after they start, were " + opens + "-" + closes);
        }
    }

    /** Parses {@code HH:mm-HH:mm}, e.g. {@code 07:00-16:00}; {@code 24:00} closes at the end of the day. */
    public static OpeningHours parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:mm-HH:mm, was '" + text + "'");
        }
        LocalTime closes = parts[1].equals("24:00") ? UNTIL_MIDNIGHT : LocalTime.parse(parts[1]);
        return new OpeningHours(LocalTime.parse(parts[0]), closes);
    }

    /** Whether the desk stays open until the day ends. */
    public boolean untilMidnight() {
        return closes.equals(UNTIL_MIDNIGHT);
    }

    @Override
    public String toString() {
        return opens + "-" + (untilMidnight() ? "24:00" : closes);
    }
}
