package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.paging.PageBoard;

/**
 * What the incoming engineer is told at a hand-over (a weekly handover, or an override starting or ending): their
 * shift and the pages still open. Not about one page: {@link #pageId()} is {@value #NO_PAGE}, {@link #ticketId()}
 * empty.
 *
 * @param eventId   one per hand-over (its instant and the incoming engineer)
 * @param levelName the level the engineer is on call at (level 1)
 * @param until     the end of their shift as the schedule stands now
 * @param openPages the page board's open pages at the hand-over, latest first
 */
record HandoverMessage(String eventId, String name, String email, URI webhook, String levelName, Instant from,
                       Instant until, List<PageBoard.Page> openPages) implements OnCallMessage {

    static final String NO_PAGE = "hand-over";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm", Locale.ROOT);

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
    public String subject(UnaryOperator<String> value) {
        return "[On call] You are on call as " + value.apply(levelName) + " – " + openPages.size() + " open page"
                + (openPages.size() == 1 ? "" : "s");
    }

    @Override
    public String summary(ZoneId zone, UnaryOperator<String> value) {
        String shift = "You are on call as " + value.apply(levelName) + " (level 1) from "
                + TIME.format(from.atZone(zone)) + " to " + TIME.format(until.atZone(zone)) + ".";
        if (openPages.isEmpty()) {
            return shift + " There are no open pages.";
        }
        return shift + " Open pages (" + openPages.size() + "): " + openPages.stream()
                .map(p -> "ticket " + value.apply(p.ticketId()) + " of customer " + value.apply(p.customerId()) + " ("
                        + OnCallMessage.severityLabel(p.severity()) + "), paged " + value.apply(p.pagedName())
                        + " at level " + p.level() + (p.exhausted() ? ", nobody is paged any more" : ""))
                .collect(Collectors.joining("; ")) + ".";
    }

    @Override
    public String mailText(ZoneId zone) {
        return summary(zone, ChannelText::line) + "\n\nOpen pages are listed at /api/v1/pages.\n";
    }

    @Override
    public String idempotencyKey() {
        return Ids.eventId(eventId, "to|" + email.toLowerCase(Locale.ROOT));
    }
}
