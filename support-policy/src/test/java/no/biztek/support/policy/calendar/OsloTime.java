package no.biztek.support.policy.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test notation: local date-times in Europe/Oslo. */
final class OsloTime {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private OsloTime() {
    }

    /** {@code 2026-03-02T09:00} in Oslo as an instant (a time in a DST gap moves forward). */
    static Instant oslo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
    }
}
