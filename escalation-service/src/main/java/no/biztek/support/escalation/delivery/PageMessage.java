package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import no.biztek.support.escalation.facts.Labels;
import no.biztek.support.escalation.facts.TicketFacts;

/**
 * What a page tells the person paged: what happened, to which ticket of which customer, how to reach them and the
 * source ticket, the deadlines, who else was paged, and how to acknowledge.
 *
 * @param reEscalation why it moved to this level (ACKNOWLEDGEMENT_TIMEOUT, DELIVERY_FAILED), null for a first page
 * @param facts        what is known of the ticket
 * @param alsoPaged    the names of the others paged for this page so far, in paging order
 */
record PageMessage(String eventId, String pageId, String ticketId, String customerId, String severity, String cause,
                   int level, String levelName, int round, String reEscalation, String name, String email,
                   URI webhook, Instant acknowledgeBy, URI acknowledgeUrl, TicketFacts facts, List<String> alsoPaged)
        implements OnCallMessage {

    /** How much of the description a page shows. */
    static final int DESCRIPTION_SHOWN = 280;

    PageMessage {
        alsoPaged = List.copyOf(alsoPaged);
    }

    @Override
    public Notice notice(ZoneId zone, UnaryOperator<String> value) {
        String what = Labels.cause(cause, facts.breachedMetric());
        String title = Notice.pageTitle(severity, what, facts, value);
        String lead = (reEscalation == null ? "" : Labels.reEscalation(reEscalation, round) + ". ")
                + "You are paged as " + value.apply(levelName) + ". Acknowledge by "
                + Labels.time(acknowledgeBy, zone) + ", or the page goes to the next level.";
        List<Notice.Fact> shown = new ArrayList<>();
        shown.add(new Notice.Fact("Severity", Labels.severity(severity)));
        shown.add(new Notice.Fact("Cause", reEscalation == null ? what
                : what + "; " + Labels.reEscalation(reEscalation, round).toLowerCase(Locale.ROOT)));
        add(shown, "Ticket", facts.title(), value);
        add(shown, "Description", excerpt(facts.description()), value);
        shown.add(new Notice.Fact("Customer", value.apply(facts.customer())));
        add(shown, "Customer phone", facts.customerPhone(), value);
        if (facts.source() != null) {
            add(shown, "Source", facts.source() + (facts.externalId() == null ? "" : " " + facts.externalId()), value);
        }
        addTime(shown, "Opened", facts.openedAt(), zone);
        addTime(shown, "First response due", facts.firstResponseDueAt(), zone);
        addTime(shown, "Resolution due", facts.resolutionDueAt(), zone);
        shown.add(new Notice.Fact("Paged", value.apply(name) + " as " + value.apply(levelName) + " (level " + level
                + ", round " + round + ")"));
        if (!alsoPaged.isEmpty()) {
            shown.add(new Notice.Fact("Also paged", String.join(", ", alsoPaged.stream().map(value).toList())));
        }
        shown.add(new Notice.Fact("Acknowledge by", Labels.time(acknowledgeBy, zone)));
        shown.add(new Notice.Fact("Ticket id", value.apply(ticketId)));
        List<Notice.Link> links = new ArrayList<>();
        links.add(new Notice.Link("Acknowledge", acknowledgeUrl));
        Notice.sourceLink(facts, value).ifPresent(links::add);
        return new Notice(title, lead, shown, links, true);
    }


    /** The first lines of a description, at most {@link #DESCRIPTION_SHOWN} characters; null when it is empty. */
    static String excerpt(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String lines = String.join(" / ", description.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
                .limit(3).toList());
        return lines.length() <= DESCRIPTION_SHOWN ? lines : lines.substring(0, DESCRIPTION_SHOWN - 1).strip() + "…";
    }

    private static void add(List<Notice.Fact> facts, String label, String raw, UnaryOperator<String> value) {
        if (raw != null && !raw.isBlank()) {
            facts.add(new Notice.Fact(label, value.apply(raw)));
        }
    }

    private static void addTime(List<Notice.Fact> facts, String label, Instant at, ZoneId zone) {
        if (at != null) {
            facts.add(new Notice.Fact(label, Labels.time(at, zone)));
        }
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", reEscalation == null ? "OnCallPaged" : "PageReEscalated");
        body.put("eventId", eventId);
        body.put("pageId", pageId);
        body.put("ticketId", ticketId);
        body.put("customerId", customerId);
        body.put("severity", severity);
        body.put("cause", cause);
        body.put("level", level);
        body.put("levelName", levelName);
        body.put("round", round);
        body.put("reEscalationReason", reEscalation);
        body.put("paged", Layouts.map("name", name, "email", email));
        body.put("alsoPaged", alsoPaged);
        body.put("acknowledgeBy", acknowledgeBy.toString());
        body.put("acknowledgeUrl", acknowledgeUrl.toString());
        body.put("ticket", Layouts.map("title", facts.title(), "source", facts.source(),
                "externalId", facts.externalId(), "sourceUrl", facts.sourceLink() == null ? null
                        : facts.sourceLink().toString(),
                "openedAt", facts.openedAt() == null ? null : facts.openedAt().toString(),
                "firstResponseDueAt", facts.firstResponseDueAt() == null ? null
                        : facts.firstResponseDueAt().toString(),
                "resolutionDueAt", facts.resolutionDueAt() == null ? null : facts.resolutionDueAt().toString()));
        body.put("customer", Layouts.map("name", facts.customerName(), "phone", facts.customerPhone()));
        return body;
    }

    @Override
    public String idempotencyKey() {
        return eventId;
    }
}
