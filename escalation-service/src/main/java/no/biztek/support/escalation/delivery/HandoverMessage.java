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
import no.biztek.support.escalation.paging.PageBoard;

/**
 * What the incoming engineer is told at a hand-over (a weekly handover, or an override starting or ending): their
 * shift and the pages still open, one fact each. Not about one page: {@link #pageId()} is {@value #NO_PAGE},
 * {@link #ticketId()} empty.
 *
 * @param eventId   one per hand-over (its instant and the incoming engineer)
 * @param levelName the level the engineer is on call at (level 1)
 * @param until     the end of their shift as the schedule stands now
 * @param openPages the page board's open pages at the hand-over, latest first
 */
record HandoverMessage(String eventId, String name, String email, URI webhook, String levelName, Instant from,
                       Instant until, List<PageBoard.Page> openPages) implements OnCallMessage {

    static final String NO_PAGE = "hand-over";

    HandoverMessage {
        openPages = List.copyOf(openPages);
    }

    @Override
    public String pageId() {
        return NO_PAGE;
    }

    @Override
    public String ticketId() {
        return "";
    }

    @Override
    public Notice notice(ZoneId zone, UnaryOperator<String> value) {
        String title = "[On call] You are on call as " + value.apply(levelName) + " – " + openPages.size()
                + " open page" + (openPages.size() == 1 ? "" : "s");
        String lead = "You are on call as " + value.apply(levelName) + " (level 1) from " + Labels.time(from, zone)
                + " to " + Labels.time(until, zone) + "." + (openPages.isEmpty() ? " There are no open pages."
                : " Open pages (" + openPages.size() + ") are below.");
        List<Notice.Fact> facts = new ArrayList<>();
        for (int i = 0; i < openPages.size(); i++) {
            PageBoard.Page p = openPages.get(i);
            facts.add(new Notice.Fact("Open page " + (i + 1), Labels.severity(p.severity()) + ": ticket "
                    + value.apply(p.ticketId()) + " of customer " + value.apply(p.customerId()) + ", paged "
                    + value.apply(p.pagedName()) + " at level " + p.level()
                    + (p.exhausted() ? ", nobody is paged any more" : "")));
        }
        return new Notice(title, lead, facts, List.of(), false);
    }

    @Override
    public String mailText(ZoneId zone) {
        return Layouts.mail(notice(zone, ChannelText::line), "Open pages are listed at /api/v1/pages.");
    }

    @Override
    public Map<String, Object> fields() {
        return Layouts.map("type", "OnCallHandover", "eventId", eventId, "engineer", Layouts.map("name", name,
                "email", email), "levelName", levelName, "from", from.toString(), "until", until.toString(),
                "openPages", openPages.stream().map(p -> Layouts.map("pageId", p.pageId(), "ticketId", p.ticketId(),
                        "customerId", p.customerId(), "severity", p.severity(), "level", p.level(),
                        "paged", Layouts.map("name", p.pagedName(), "email", p.pagedEmail()),
                        "pagedAt", p.pagedAt().toString(), "exhausted", p.exhausted())).toList());
    }

    @Override
    public String idempotencyKey() {
        return Ids.eventId(eventId, "to|" + email.toLowerCase(Locale.ROOT));
    }
}
