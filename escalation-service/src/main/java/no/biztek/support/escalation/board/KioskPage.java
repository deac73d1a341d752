package no.biztek.support.escalation.board;

import org.springframework.web.util.HtmlUtils;

/**
 * The board page of a kiosk link: a server-rendered shell that loads one static script ({@code board.js}) and one
 * style sheet, and the refusal pages (no script). Relative URLs only, so it also works behind a proxy under a path.
 */
final class KioskPage {

    /** Scripts, styles and connections only from this service; nothing inline, nothing framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private KioskPage() {
    }

    /** The board, its stream at {@code events} (relative to the page). */
    static String board(String linkName, String events) {
        return head("SLA board – " + HtmlUtils.htmlEscape(linkName, "UTF-8"))
                + "<script src=\"assets/board.js\" defer></script></head><body>"
                + "<header><h1>Running SLA clocks</h1><p id=\"status\" role=\"status\">Connecting…</p>"
                + "<form id=\"filters\" aria-label=\"Filters\">"
                + "<label>Customer <select id=\"f-customer\"><option value=\"\">All</option></select></label>"
                + "<label>Severity <select id=\"f-severity\"><option value=\"\">All</option></select></label>"
                + "<label>Metric <select id=\"f-metric\"><option value=\"\">All</option></select></label>"
                + "<span id=\"count\"></span></form></header>"
                + "<div class=\"row head\" aria-hidden=\"true\"><span>Severity</span><span>Customer</span>"
                + "<span>Ticket</span><span>Metric</span><span>State</span><span>Left (business)</span>"
                + "<span>Left (clock)</span><span>Pages</span></div>"
                + "<main id=\"board\" data-events=\"" + HtmlUtils.htmlEscape(events, "UTF-8") + "\">"
                + "<div id=\"spacer\"></div></main></body></html>";
    }

    /** A refusal: why, in words. */
    static String message(String title, String detail) {
        return head(HtmlUtils.htmlEscape(title, "UTF-8")) + "</head><body class=\"message\"><main><h1>"
                + HtmlUtils.htmlEscape(title, "UTF-8") + "</h1><p>" + HtmlUtils.htmlEscape(detail, "UTF-8")
                + "</p></main></body></html>";
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"assets/board.css\">";
    }
}
