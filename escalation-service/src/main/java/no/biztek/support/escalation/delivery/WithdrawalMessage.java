package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.UnaryOperator;

import no.biztek.support.escalation.api.Ids;

/**
 * What a person paged for a page is told when the page's cause is withdrawn (a PageClosed, CAUSE_WITHDRAWN): the
 * SLA breach they were woken for does not stand, and why.
 *
 * @param severity    of the page, as the page board knows it (UNKNOWN when it no longer does)
 * @param explanation the PageClosed's, e.g. "breach withdrawn: first response recorded at 09:55"
 */
record WithdrawalMessage(String eventId, String pageId, String ticketId, String customerId, String severity,
                         String explanation, String supersededEventId, String name, String email, URI webhook)
        implements OnCallMessage {

    @Override
    public String subject(UnaryOperator<String> value) {
        return "[" + OnCallMessage.severityLabel(severity) + "] Page withdrawn: ticket " + value.apply(ticketId) + " ("
                + value.apply(customerId) + ")";
    }

    @Override
    public String summary(ZoneId zone, UnaryOperator<String> value) {
        return "Withdrawn: the " + OnCallMessage.severityLabel(severity).toLowerCase(Locale.ROOT) + " page for ticket "
                + value.apply(ticketId) + " of customer " + value.apply(customerId) + ". Why: "
                + value.apply(explanation) + ". The SLA breach you were paged for does not stand: there is nothing to "
                + "acknowledge, and nobody else is paged for it.";
    }

    @Override
    public String mailText(ZoneId zone) {
        return summary(zone, ChannelText::line) + "\n\nPage " + ChannelText.line(pageId) + "\n";
    }

    @Override
    public String idempotencyKey() {
        return Ids.eventId(eventId, "to|" + email.toLowerCase(Locale.ROOT));
    }
}
