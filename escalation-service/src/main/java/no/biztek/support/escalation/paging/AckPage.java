package no.biztek.support.escalation.paging;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

import no.biztek.support.escalation.facts.Labels;
import no.biztek.support.escalation.facts.TicketFacts;

/**
 * The acknowledgement page of a one-click link, as HTML: mobile first (one column, large type, one full-width
 * button), the page's facts in words ({@link Labels}), no JavaScript, no external assets (the styles are inline, so
 * the answer's Content-Security-Policy can forbid scripts and everything else). Renders from a {@link View}; every
 * value is HTML-escaped, every time is shown in the schedule's zone ("02:15, Tue 3 Mar"). What the answer's status
 * is, and whether anything was acknowledged, is {@link AckLinkController}'s business.
 */
final class AckPage {

    /** The answer's Content-Security-Policy: no scripts, nothing from elsewhere, the form posts only here. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
                    + "base-uri 'none'; frame-ancestors 'none'";


    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;\
            background:#f4f5f7}
            main{max-width:34rem;margin:0 auto;padding:1rem 1rem 2rem}
            .severity{display:inline-block;margin:0 0 .5rem;padding:.2rem .65rem;border-radius:1rem;font-weight:700;\
            font-size:.9rem;background:#dfe3e8}
            .severity.s1{background:#b3261e;color:#fff}
            .severity.s2{background:#f2b705;color:#1b1f24}
            h1{font-size:1.6rem;line-height:1.2;margin:.2rem 0 1rem;overflow-wrap:anywhere}
            .status{padding:.9rem 1rem;border-radius:.6rem;margin:0 0 1rem;font-weight:600;overflow-wrap:anywhere}
            .status.done{background:#e3f4e8;border:2px solid #2e7d4f}
            .status.ended{background:#fff4e0;border:2px solid #c77700}
            dl{margin:0 0 1.25rem;background:#fff;border-radius:.6rem;padding:.25rem 1rem}
            dt{font-size:.85rem;font-weight:600;color:#59626d;margin-top:.75rem}
            dd{margin:.1rem 0 .75rem;overflow-wrap:anywhere;white-space:pre-line}
            button{display:block;width:100%;min-height:3.5rem;font:inherit;font-size:1.3rem;font-weight:700;\
            color:#fff;background:#0b57d0;border:0;border-radius:.6rem;padding:.9rem 1rem;cursor:pointer}
            button:focus{outline:3px solid #1b1f24;outline-offset:2px}
            .note{color:#59626d;font-size:.95rem}
            .ids{color:#59626d;font-size:.75rem;overflow-wrap:anywhere}
            a{color:#0b57d0}
            """;

    /**
     * The view model: one page as the link's holder sees it.
     *
     * @param acknowledgedBy who acknowledged it, in words (a name, or what an API caller wrote), when it was
     * @param ticket         what is known of the ticket (every field but the ids may be null: not shown)
     * @param alsoPaged      the others paged for this page so far (names)
     */
    record View(String ticketId, String customerId, String severity, String cause, int level,
                String levelName, int round, String pagedName, Instant acknowledgeBy, PageBoard.State state,
                String acknowledgedBy, Instant acknowledgedAt, Instant closedAt, Instant withdrawnAt,
                String withdrawal, TicketFacts ticket, List<String> alsoPaged) {

        View {
            alsoPaged = List.copyOf(alsoPaged);
        }

        /** The view of a page from the board, with whatever ticket facts are known. */
        static View of(PageBoard.Page page, TicketFacts ticket) {
            List<String> others = page.pagedPeople() == null ? List.of() : page.pagedPeople().stream()
                    .filter(p -> !p.email().equalsIgnoreCase(page.pagedEmail())).map(PageState.Paged::name).toList();
            return new View(page.ticketId(), page.customerId(), page.severity(), page.cause(), page.level(),
                    page.levelName(), page.round(), page.pagedName(), page.acknowledgeBy(), page.state(),
                    acknowledgerOf(page), page.acknowledgedAt(), page.closedAt(), page.withdrawnAt(), page.withdrawal(),
                    ticket, others);
        }

        /** The acknowledger by name: a link's recipient (an address) is shown by the name it was paged under. */
        private static String acknowledgerOf(PageBoard.Page page) {
            String by = page.acknowledgedBy();
            if (by == null) {
                return null;
            }
            String name = page.pagedPeople() == null ? by : page.pagedPeople().stream()
                    .filter(p -> p.email() != null && p.email().equalsIgnoreCase(by) && p.name() != null)
                    .map(PageState.Paged::name).findFirst().orElse(by);
            return page.acknowledgedByToken() == null ? name : name + " (API token " + page.acknowledgedByToken() + ")";
        }
    }

    private final ZoneId zone;
    private final Clock clock;

    /** @param clock now, for "in 12 min" beside the acknowledge-by time */
    AckPage(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** An open page: its facts and the Acknowledge button, which posts to {@code action}. */
    String confirm(View view, String action) {
        return document("Acknowledge page – " + Labels.severityNumber(view.severity()), heading(view)
                + facts(view)
                + "<form method=\"post\" action=\"" + escape(action) + "\">"
                + "<button type=\"submit\">Acknowledge</button></form>"
                + "<p class=\"note\">Acknowledging tells the others you are on it and stops the escalation to the "
                + "next level.</p>" + ids(view));
    }

    /** This request acknowledged the page. */
    String acknowledged(View view) {
        return document("Acknowledged", heading(view)
                + status("done", "Acknowledged by " + view.acknowledgedBy() + " at " + local(view.acknowledgedAt())
                + ". The escalation is stopped.") + facts(view) + ids(view));
    }

    /** The page no longer awaits an acknowledgement: who acknowledged it and when, or why it ended. */
    String ended(View view) {
        String title;
        String text;
        switch (view.state()) {
            case ACKNOWLEDGED -> {
                title = "Already acknowledged";
                text = "This page was already acknowledged by " + view.acknowledgedBy() + " at "
                        + local(view.acknowledgedAt()) + ". Nothing more to do here.";
            }
            case WITHDRAWN -> {
                title = "Page withdrawn";
                text = "This page was withdrawn at " + local(view.withdrawnAt()) + " (" + view.withdrawal()
                        + "); there is nothing to acknowledge." + (view.acknowledgedBy() == null ? ""
                        : " It had been acknowledged by " + view.acknowledgedBy() + " at "
                        + local(view.acknowledgedAt()) + ".");
            }
            case CLOSED -> {
                title = "Page closed";
                text = "This page was closed at " + local(view.closedAt()) + " without an acknowledgement: the "
                        + "ticket got its first response, was resolved or no longer has a severity that pages around "
                        + "the clock. There is nothing to acknowledge.";
            }
            default -> {
                title = "Nothing to acknowledge";
                text = "This page does not await an acknowledgement.";
            }
        }
        return document(title, "<p class=\"severity" + severityClass(view) + "\">"
                + escape(Labels.severity(view.severity())) + "</p><h1>" + escape(title) + "</h1>"
                + status("ended", text) + facts(view) + ids(view));
    }

    /** A page without a page's facts (an invalid or expired link, an unknown page, a failure): a title and words. */
    static String message(String title, String text) {
        return document(title, "<h1>" + escape(title) + "</h1><p>" + escape(text) + "</p>");
    }

    private String heading(View view) {
        return "<p class=\"severity" + severityClass(view) + "\">" + escape(Labels.severity(view.severity()))
                + "</p><h1>" + escape(Labels.cause(view.cause(), view.ticket().breachedMetric())) + "</h1>";
    }

    private static String severityClass(View view) {
        return switch (String.valueOf(view.severity())) {
            case "CRITICAL" -> " s1";
            case "SERIOUS" -> " s2";
            default -> "";
        };
    }

    private static String status(String kind, String text) {
        return "<p class=\"status " + kind + "\" role=\"status\">" + escape(text) + "</p>";
    }

    /** The facts as a definition list: the page's own first, then every ticket fact that is known. */
    private String facts(View view) {
        List<String[]> rows = new ArrayList<>();
        TicketFacts ticket = view.ticket();
        add(rows, "Ticket", ticket.title());
        add(rows, "Customer", ticket.customerName() == null ? view.customerId()
                : ticket.customerName() + " (" + view.customerId() + ")");
        if (view.state() == PageBoard.State.OPEN) {
            add(rows, "Acknowledge by", local(view.acknowledgeBy()) + inMinutes(view.acknowledgeBy()));
        }
        add(rows, "Paged", view.pagedName() + ", " + view.levelName() + " (level " + view.level() + ")");
        add(rows, "Escalation", Labels.round(view.round()));
        add(rows, "Also paged", view.alsoPaged().isEmpty() ? null : String.join(", ", view.alsoPaged()));
        add(rows, "Opened", ticket.openedAt() == null ? null : local(ticket.openedAt()));
        add(rows, "First response due", ticket.firstResponseDueAt() == null ? null
                : local(ticket.firstResponseDueAt()));
        add(rows, "Resolution due", ticket.resolutionDueAt() == null ? null : local(ticket.resolutionDueAt()));
        add(rows, "Description", ticket.description());
        StringBuilder html = new StringBuilder("<dl>");
        for (String[] row : rows) {
            html.append("<dt>").append(escape(row[0])).append("</dt><dd>").append(escape(row[1])).append("</dd>");
        }
        if (ticket.customerPhone() != null) {
            String dial = ticket.customerPhone().replaceAll("[^+0-9]", "");
            html.append("<dt>Customer phone</dt><dd><a href=\"tel:").append(escape(dial)).append("\">")
                    .append(escape(ticket.customerPhone())).append("</a></dd>");
        }
        String source = ticket.source() == null ? null
                : ticket.source() + (ticket.externalId() == null ? "" : " " + ticket.externalId());
        URI link = ticket.sourceLink();
        if (link != null && ("https".equalsIgnoreCase(link.getScheme()) || "http".equalsIgnoreCase(link.getScheme()))) {
            html.append("<dt>Source</dt><dd><a href=\"").append(escape(link.toString()))
                    .append("\" rel=\"noreferrer noopener\">").append(escape(source == null ? link.toString() : source))
                    .append("</a></dd>");
        } else if (source != null) {
            html.append("<dt>Source</dt><dd>").append(escape(source)).append("</dd>");
        }
        return html.append("</dl>").toString();
    }

    /** " (in 12 min)" while the instant is ahead; nothing once it passed. */
    private String inMinutes(Instant instant) {
        if (instant == null) {
            return "";
        }
        long seconds = Duration.between(clock.instant(), instant).toSeconds();
        return seconds <= 0 ? "" : " (in " + ((seconds + 59) / 60) + " min)";
    }

    private static void add(List<String[]> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new String[] {label, value});
        }
    }

    private static String ids(View view) {
        return "<p class=\"ids\">Ticket " + escape(view.ticketId()) + "</p>";
    }

    /** An instant in the page's words and zone, e.g. "02:15, Tue 3 Mar". */
    String local(Instant instant) {
        return instant == null ? "an unknown time" : Labels.shortTime(instant, zone);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(String.valueOf(text), "UTF-8");
    }

    private static String document(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + escape(title) + "</title><style>"
                + STYLE + "</style></head><body><main>" + body + "</main></body></html>";
    }
}
