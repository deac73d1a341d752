package no.biztek.support.escalation.paging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
 * URL and acknowledges. A forged token is refused with 403; an expired one, and a page that no longer
 * awaits an acknowledgement (the link was used, someone else acknowledged, the ticket was answered, the page
 * was withdrawn), with 410; an unknown page with 404; Kafka not answering in time with 503 and Retry-After
 * ("try again"): each as a small HTML page that says why. The page's state is read up to now before deciding,
 * so a link used through one instance is refused by every other.
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
                        + "</form><p>Acknowledging stops the escalation to the next level.</p>", null);
    }

    @Operation(summary = "Acknowledge the page of an acknowledgement link")
    @PostMapping(path = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acknowledge(@PathVariable String token) {
        Checked checked = check(token);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        try {
            acknowledger.acknowledge(checked.page().pageId(), checked.claims().recipient(), AcknowledgementChannel.LINK,
                    null);
        } catch (ErrorResponseException e) {
            return refusal(e);
        }
        return html(HttpStatus.OK, "Acknowledged", "<p>" + describe(checked.page()) + "</p><p>Acknowledged by "
                + HtmlUtils.htmlEscape(checked.claims().recipient()) + ". The escalation is stopped.</p>", null);
    }

    private record Checked(AckTokens.Claims claims, PageBoard.Page page, ResponseEntity<String> refusal) {
    }

    private Checked check(String token) {
        Optional<AckTokens.Claims> verified = tokens.verify(token);
        if (verified.isEmpty()) {
            return refused(html(HttpStatus.FORBIDDEN, "Invalid link",
                    text("This acknowledgement link is not valid. Use the link from the page, or the API."), null));
        }
        AckTokens.Claims claims = verified.get();
        if (claims.expiredAt(clock.instant())) {
            return refused(html(HttpStatus.GONE, "Link expired", text("This acknowledgement link expired at "
                    + local(claims.expiresAt()) + ". Use the API or a newer page."), null));
        }
        Optional<PageBoard.Page> page;
        try {
            page = acknowledger.current(claims.pageId());
        } catch (ErrorResponseException e) {
            return refused(refusal(e));
        }
        if (page.isEmpty()) {
            return refused(html(HttpStatus.NOT_FOUND, "Unknown page",
                    text("No such page is known (yet). Try again in a moment."), null));
        }
        if (page.get().state() != PageBoard.State.OPEN) {
            String title = page.get().state() == PageBoard.State.WITHDRAWN ? "Page withdrawn"
                    : "Nothing to acknowledge";
            return refused(html(HttpStatus.GONE, title, text(PageAcknowledger.whyNotOpen(page.get())), null));
        }
        return new Checked(claims, page.get(), null);
    }

    private static Checked refused(ResponseEntity<String> refusal) {
        return new Checked(null, null, refusal);
    }

    /**
     * The answer to a refused or failed acknowledgement, by the exception's status: a page that no longer
     * awaits an acknowledgement (409) is gone, 410; an unknown page 404; Kafka not answering in time (5xx)
     * a 503 page asking to try again, with the exception's Retry-After (never "nothing to acknowledge");
     * anything else keeps its status.
     */
    static ResponseEntity<String> refusal(ErrorResponseException e) {
        HttpStatusCode status = e.getStatusCode();
        String detail = text(String.valueOf(e.getBody().getDetail()));
        if (status.is5xxServerError()) {
            return html(HttpStatus.SERVICE_UNAVAILABLE, "Could not record, try again",
                    "<p>The acknowledgement could not be checked or recorded just now (the service could not reach "
                            + "its event log in time). Try the link again in a moment.</p>" + detail,
                    e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        }
        if (status.value() == HttpStatus.CONFLICT.value() || status.value() == HttpStatus.GONE.value()) {
            return html(HttpStatus.GONE, "Nothing to acknowledge", detail, null);
        }
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return html(HttpStatus.NOT_FOUND, "Unknown page", detail, null);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return html(known == null ? HttpStatus.BAD_REQUEST : known, "Not acknowledged", detail, null);
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

    private static String text(String message) {
        return "<p>" + HtmlUtils.htmlEscape(message) + "</p>";
    }

    private static ResponseEntity<String> html(HttpStatus status, String title, String body, String retryAfter) {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlUtils.htmlEscape(title) + "</title></head><body style=\"font-family:sans-serif;margin:2em\"><h1>"
                + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer");
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return builder.body(page);
    }
}
