package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.facts.Labels;
import no.biztek.support.escalation.facts.TicketFacts;

/**
 * What a person paged for a page is told when the page ends: someone acknowledged it (who, when), it was closed
 * without an acknowledgement (its ticket was answered, resolved or downgraded), or its cause was withdrawn (the SLA
 * breach does not stand).
 *
 * @param severity       of the page, as the page board knows it (UNKNOWN when it no longer does)
 * @param acknowledgedBy who acknowledged it (ACKNOWLEDGED), else null
 * @param at             when it ended (the event's time)
 * @param explanation    the PageClosed's, e.g. "breach withdrawn: first response recorded at 09:55"; null for an
 *                       acknowledgement
 * @param reason         the PageClosed's reason (CAUSE_WITHDRAWN, RESOLVED ...), null for an acknowledgement
 */
record PageEndedMessage(Ending ending, String eventId, String pageId, String ticketId, String customerId,
                        String severity, TicketFacts facts, String acknowledgedBy, Instant at, String explanation,
                        String reason, String supersededEventId, String name, String email, URI webhook)
        implements OnCallMessage {

    enum Ending { ACKNOWLEDGED, CLOSED, WITHDRAWN }

    @Override
    public Notice notice(ZoneId zone, UnaryOperator<String> value) {
        String what = switch (ending) {
            case ACKNOWLEDGED -> "Acknowledged by " + value.apply(acknowledgedBy);
            case CLOSED -> "Page closed";
            case WITHDRAWN -> "Page withdrawn";
        };
        String lead = switch (ending) {
            case ACKNOWLEDGED -> value.apply(acknowledgedBy) + " acknowledged the page at " + Labels.time(at, zone)
                    + " and is on it. Nobody else is paged for it.";
            case CLOSED -> "The page stopped at " + Labels.time(at, zone) + " without an acknowledgement: "
                    + value.apply(explanation) + ". Nobody is paged for it any more.";
            case WITHDRAWN -> "Withdrawn: " + value.apply(explanation) + ". The SLA breach you were paged for does not "
                    + "stand: there is nothing to acknowledge, and nobody else is paged for it.";
        };
        List<Notice.Fact> shown = new ArrayList<>();
        shown.add(new Notice.Fact("Severity", Labels.severity(severity)));
        shown.add(new Notice.Fact("Ticket", value.apply(facts.name())));
        shown.add(new Notice.Fact("Customer", value.apply(facts.customer())));
        shown.add(new Notice.Fact(ending == Ending.ACKNOWLEDGED ? "Acknowledged" : "Ended", Labels.time(at, zone)));
        shown.add(new Notice.Fact("Ticket id", value.apply(ticketId)));
        return new Notice(Notice.pageTitle(severity, what, facts, value), lead, shown,
                Notice.sourceLink(facts, value).stream().toList(), false);
    }


    @Override
    public Map<String, Object> fields() {
        Map<String, Object> body = ending == Ending.ACKNOWLEDGED
                ? Layouts.map("type", "PageAcknowledged", "acknowledgedBy", acknowledgedBy)
                : Layouts.map("type", "PageClosed", "reason", reason, "explanation", explanation,
                "supersededEventId", supersededEventId);
        body.putAll(Layouts.map("eventId", eventId, "pageId", pageId, "ticketId", ticketId, "customerId", customerId,
                "severity", severity, "at", at.toString(), "paged", Layouts.map("name", name, "email", email)));
        return body;
    }

    @Override
    public String idempotencyKey() {
        return Ids.eventId(eventId, "to|" + email.toLowerCase(Locale.ROOT));
    }
}
