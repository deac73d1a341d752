package no.biztek.support.escalation.paging;

import java.util.Locale;

import no.biztek.support.policy.Metric;

/**
 * A page's facts in words, the one place that labels them: the acknowledgement page and every channel of the
 * delivery (mail, webhooks) say the same. Unknown values (a severity or cause this version does not know) are shown
 * as they are rather than hidden.
 */
public final class PageWords {

    private PageWords() {
    }

    /** {@code CRITICAL} → "Severity 1" (the short form of mail subjects and chat titles). */
    public static String severityNumber(String severity) {
        return switch (String.valueOf(severity)) {
            case "CRITICAL" -> "Severity 1";
            case "SERIOUS" -> "Severity 2";
            case "LESS_SERIOUS" -> "Severity 3";
            default -> String.valueOf(severity);
        };
    }

    /** {@code CRITICAL} → "Severity 1 – critical", the name of the terms' table. */
    public static String severity(String severity) {
        String name = switch (String.valueOf(severity)) {
            case "CRITICAL" -> "critical";
            case "SERIOUS" -> "serious";
            case "LESS_SERIOUS" -> "less serious";
            default -> null;
        };
        return name == null ? severityNumber(severity) : severityNumber(severity) + " – " + name;
    }

    /**
     * Why the page was sent, e.g. "Critical ticket opened" or "First-response deadline breached".
     *
     * @param cause  the page's cause ({@code CRITICAL_TICKET_OPENED}, {@code SLA_BREACHED}, {@code OTHER})
     * @param metric the breached metric's id ({@code first-response}, {@code resolution}) when known; the page state
     *               does not keep it yet, and a breach without one is a first-response breach (only those page
     *               by default)
     */
    public static String cause(String cause, String metric) {
        return switch (String.valueOf(cause)) {
            case "CRITICAL_TICKET_OPENED" -> "Critical ticket opened";
            case "SLA_BREACHED" -> Metric.RESOLUTION.id().equals(metric) ? "Resolution deadline breached"
                    : metric == null || Metric.FIRST_RESPONSE.id().equals(metric) ? "First-response deadline breached"
                    : "Deadline breached (" + metric + ")";
            // the only page of cause OTHER today: a severity raised to one that pages around the clock
            case "OTHER" -> "Severity raised";
            default -> String.valueOf(cause).replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    /** "Re-escalated, round 2" for a page in its second or later round through the ladder; null in the first. */
    public static String round(int round) {
        return round > 1 ? "Re-escalated, round " + round : null;
    }
}
