package no.biztek.support.escalation.paging;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.swagger.v3.oas.annotations.Operation;

import no.biztek.support.schemas.escalation.AcknowledgementChannel;

/**
 * The one-click acknowledgement link of a page (outside {@code /api}, so it needs no Bearer token: the
 * signed token in the link is the credential). {@code GET} shows the page and an Acknowledge button,
 * changing nothing (mail scanners and link previews fetch links); the button {@code POST}s to the same
 * URL and acknowledges. A forged token is refused with 403, an expired one and a page that no longer
 * awaits an acknowledgement (the link was used, someone else acknowledged, the ticket was answered) with
 * 410, an unknown page with 404; each as a small HTML page that says why.
 */
@RestController
class AckLinkController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm");

    private final AckTokens tokens;
    private final PageAcknowledger acknowledger;
    private final Clock clock;
    private final ZoneId zone;

    AckLinkController(AckTokens tokens, PageAcknowledger acknowledger, Clock clock, PagingProperties paging) {
        this.tokens = tokens;
        this.acknowledger = acknowledger;
        this.clock = clock;
        this.zone = paging.schedule().zone();
    }

    @Operation(summary = "Show the page of an acknowledgement link", description = "Changes nothing.")
    @GetMapping(path = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token) {
        Checked checked = check(token);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        PageBoard.Page page = checked.page();
        return html(HttpStatus.OK, "Acknowledge page",
                "<p>" + describe(page) + "</p>"
                        + "<form method=\"post\" action=\"/ack/" + HtmlUtils.htmlEscape(token) + "\">"
                        + "<button type=\"submit\" style=\"font-size:1.5em;padding:0.5em 2em\">Acknowledge</button>"
                        + "</form><p>Acknowledging stops the escalation to the next level.</p>");
    }

    @Operation(summary = "Acknowledge the page of an acknowledgement link")
    @PostMapping(path = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acknowledge(@PathVariable String token) {
        Checked checked = check(token);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        try {
            acknowledger.acknowledge(checked.page().pageId(), checked.claims().recipient(), AcknowledgementChannel.LINK);
        } catch (ErrorResponseException e) {
            return html(HttpStatus.GONE, "Nothing to acknowledge", "<p>" + HtmlUtils.htmlEscape(
                    String.valueOf(e.getBody().getDetail())) + "</p>");
        }
        return html(HttpStatus.OK, "Acknowledged", "<p>" + describe(checked.page()) + "</p><p>Acknowledged by "
                + HtmlUtils.htmlEscape(checked.claims().recipient()) + ". The escalation is stopped.</p>");
    }

    private record Checked(AckTokens.Claims claims, PageBoard.Page page, ResponseEntity<String> refusal) {
    }

    private Checked check(String token) {
        Optional<AckTokens.Claims> verified = tokens.verify(token);
        if (verified.isEmpty()) {
            return refused(HttpStatus.FORBIDDEN, "Invalid link",
                    "This acknowledgement link is not valid. Use the link from the page, or the API.");
        }
        AckTokens.Claims claims = verified.get();
        if (claims.expiredAt(clock.instant())) {
            return refused(HttpStatus.GONE, "Link expired", "This acknowledgement link expired at "
                    + local(claims.expiresAt()) + ". Use the API or a newer page.");
        }
        Optional<PageBoard.Page> page = acknowledger.find(claims.pageId());
        if (page.isEmpty()) {
            return refused(HttpStatus.NOT_FOUND, "Unknown page", "No such page is known (yet). Try again in a moment.");
        }
        if (page.get().state() != PageBoard.State.OPEN) {
            return refused(HttpStatus.GONE, "Nothing to acknowledge", PageAcknowledger.whyNotOpen(page.get()));
        }
        return new Checked(claims, page.get(), null);
    }

    private static Checked refused(HttpStatus status, String title, String message) {
        return new Checked(null, null, html(status, title, "<p>" + HtmlUtils.htmlEscape(message) + "</p>"));
    }

    private String describe(PageBoard.Page page) {
        return HtmlUtils.htmlEscape("Ticket " + page.ticketId() + " (customer " + page.customerId() + ", severity "
                + page.severity() + ", " + page.cause() + "): level " + page.level() + " (" + page.levelName()
                + "), round " + page.round() + ", paged " + page.pagedName() + "; acknowledge by "
                + local(page.acknowledgeBy()) + ".");
    }

    private String local(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    private static ResponseEntity<String> html(HttpStatus status, String title, String body) {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlUtils.htmlEscape(title) + "</title></head><body style=\"font-family:sans-serif;margin:2em\"><h1>"
                + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8)).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").body(page);
    }
}
