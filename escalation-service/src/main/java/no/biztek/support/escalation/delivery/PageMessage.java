package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

import no.biztek.support.escalation.paging.PageWords;

/**
 * What a page tells the person paged.
 *
 * @param reEscalation why it moved to this level (ACKNOWLEDGEMENT_TIMEOUT, DELIVERY_FAILED), null for a first page
 */
record PageMessage(String eventId, String pageId, String ticketId, String customerId, String severity, String cause,
                   int level, String levelName, int round, String reEscalation, String name, String email,
                   URI webhook, Instant acknowledgeBy, URI acknowledgeUrl) implements OnCallMessage {

    @Override
    public String subject(UnaryOperator<String> value) {
        return "[" + severityLabel() + "] Page: ticket " + value.apply(ticketId) + " (" + value.apply(customerId)
                + ") – acknowledge now";
    }

    String severityLabel() {
        return OnCallMessage.severityLabel(severity);
    }

    @Override
    public String summary(ZoneId zone, UnaryOperator<String> value) {
        String moved = reEscalation == null ? "" : " It was escalated to you because "
                + ("DELIVERY_FAILED".equals(reEscalation) ? "the previous level could not be reached."
                : "the previous level did not acknowledge in time.");
        // the short label ("Severity 1"): the mail stays ASCII, so its lines (ids, the link) are never re-encoded
        return severityLabel() + " page for ticket " + value.apply(ticketId) + " of customer "
                + value.apply(customerId) + ". " + PageWords.cause(cause, null) + "." + moved + " You are paged as "
                + value.apply(levelName) + " (level " + level + ", round " + round
                + "). Acknowledge by " + DateTimeFormatter.ofPattern("d.M.yyyy HH:mm")
                .format(acknowledgeBy.atZone(zone)) + ", or the page goes to the next level.";
    }

    @Override
    public String mailText(ZoneId zone) {
        return summary(zone, ChannelText::line) + "\n\nAcknowledge: " + acknowledgeUrl + "\n\nPage "
                + ChannelText.line(pageId) + "\n";
    }

    @Override
    public String idempotencyKey() {
        return eventId;
    }
}
