package no.biztek.support.escalation.facts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import no.biztek.support.policy.Metric;

/** How people read the codes of a page: severities and causes by name, instants as local times. */
public final class Labels {

    /** A severity or cause the page board no longer knows (the page was purged). */
    public static final String UNKNOWN = "UNKNOWN";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm, EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("HH:mm, EEE d MMM", Locale.ENGLISH);

    private Labels() {
    }

    /** e.g. "Severity 1 – Critical", as the terms' table names it; an unknown code as it is. */
    public static String severity(String severity) {
        String name = switch (String.valueOf(severity)) {
            case "CRITICAL" -> "Critical";
            case "SERIOUS" -> "Serious";
            case "LESS_SERIOUS" -> "Less serious";
            default -> null;
        };
        if (UNKNOWN.equals(severity)) {
            return "Severity unknown";
        }
        return name == null ? severityNumber(severity) : severityNumber(severity) + " – " + name;
    }

    /** e.g. "Severity 1", the short form of a page's browser title; an unknown code as it is. */
    public static String severityNumber(String severity) {
        return switch (String.valueOf(severity)) {
            case "CRITICAL" -> "Severity 1";
            case "SERIOUS" -> "Severity 2";
            case "LESS_SERIOUS" -> "Severity 3";
            default -> String.valueOf(severity);
        };
    }

    /**
     * The page's cause in words.
     *
     * @param breachedMetric the metric whose deadline passed ({@link TicketFacts#breachedMetric()}), null if unknown
     */
    public static String cause(String cause, String breachedMetric) {
        return switch (String.valueOf(cause)) {
            case "CRITICAL_TICKET_OPENED" -> "Critical ticket opened";
            case "SLA_BREACHED" -> Metric.RESOLUTION.id().equals(breachedMetric) ? "Resolution deadline breached"
                    : Metric.FIRST_RESPONSE.id().equals(breachedMetric) ? "First-response deadline breached"
                    : "SLA deadline breached";
            // the only page of cause OTHER today: a severity raised to one that pages around the clock
            case "OTHER" -> "Severity raised";
            case UNKNOWN -> "Page";
            default -> String.valueOf(cause).replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    /** "Re-escalated, round 2" for a page in its second or later round through the ladder; null in the first. */
    public static String round(int round) {
        return round > 1 ? "Re-escalated, round " + round : null;
    }

    /** How a page moved on, e.g. "Re-escalated, round 2: the previous level did not acknowledge in time". */
    public static String reEscalation(String reason, int round) {
        return "Re-escalated, round " + round + ": " + ("DELIVERY_FAILED".equals(reason)
                ? "the previous level could not be reached" : "the previous level did not acknowledge in time");
    }

    /** e.g. "02:15, Thu 3 Dec 2026" in the zone (a message read later). */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** e.g. "02:15, Thu 3 Dec" in the zone (a page looked at now). */
    public static String shortTime(Instant instant, ZoneId zone) {
        return SHORT_TIME.format(instant.atZone(zone));
    }
}
