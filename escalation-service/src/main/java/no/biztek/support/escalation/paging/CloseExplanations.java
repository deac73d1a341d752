package no.biztek.support.escalation.paging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaCorrected;

/**
 * Why a page ended without an acknowledgement, in the words of a PageClosed's {@code explanation}: short, for a
 * person woken by the page, times in the schedule's zone (a time of another day than now carries its date).
 */
final class CloseExplanations {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm");

    private CloseExplanations() {
    }

    /**
     * A breach corrected away, by the clock's state after the correction: MET (a late first response before the
     * deadline), RUNNING (the deadline moved into the future, {@code dueAt}), STOPPED or PAUSED (before the
     * deadline); anything else says only that the breach was withdrawn.
     */
    static String breachWithdrawn(SlaCorrected correction, Instant dueAt, ZoneId zone, Instant now) {
        return switch (correction.getState()) {
            case MET -> correction.getRespondedAt() == null ? "breach withdrawn: first response recorded"
                    : "breach withdrawn: first response recorded at " + at(correction.getRespondedAt(), zone, now);
            case RUNNING -> "breach withdrawn: the deadline moved to " + DATE_TIME.format(dueAt.atZone(zone));
            case STOPPED -> "breach withdrawn: the ticket was resolved before its deadline";
            case PAUSED -> "breach withdrawn: the ticket was paused before its deadline";
            default -> "breach withdrawn";
        };
    }

    static String firstResponse(String consultant, Instant respondedAt, ZoneId zone, Instant now) {
        return "first response by " + consultant + " at " + at(respondedAt, zone, now);
    }

    static String resolved(Instant resolvedAt, ZoneId zone, Instant now) {
        return "the ticket was resolved at " + at(resolvedAt, zone, now);
    }

    static String downgraded(Severity severity) {
        String number = switch (severity) {
            case CRITICAL -> "1";
            case SERIOUS -> "2";
            case LESS_SERIOUS -> "3";
        };
        return "severity changed to " + number + ", which does not page around the clock";
    }

    /** HH:mm on the day of {@code now}, else with the date. */
    static String at(Instant instant, ZoneId zone, Instant now) {
        boolean today = instant.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? TIME : DATE_TIME).format(instant.atZone(zone));
    }
}
