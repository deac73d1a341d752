package no.biztek.support.escalation.paging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

import io.swagger.v3.oas.annotations.Operation;

import no.biztek.support.escalation.facts.TicketFactsLookup;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;

/**
 * The one-click acknowledgement link of a page (outside {@code /api}, so it needs no Bearer token: the
 * signed token in the link is the credential). {@code GET} shows the page and an Acknowledge button,
 * changing nothing (mail scanners and link previews fetch links); the button {@code POST}s to the same
 * URL and acknowledges. A forged token is refused with 403; an expired one, and a page that no longer
 * awaits an acknowledgement (the link was used, someone else acknowledged, the ticket was answered, the page
 * was withdrawn), with 410; an unknown page with 404; Kafka not answering in time with 503 and Retry-After
 * ("try again"): each as a small HTML page that says why (a page that was acknowledged says by whom and when).
 * The page's state is read up to now before deciding, so a link used through one instance is refused by every
 * other. This class decides and answers; {@link AckPage} writes the HTML.
 */
@RestController
class AckLinkController {

    private final AckTokens tokens;
    private final PageAcknowledger acknowledger;
    private final Clock clock;
    private final AckPage pages;
    private final TicketFactsLookup facts;

    AckLinkController(AckTokens tokens, PageAcknowledger acknowledger, TicketFactsLookup facts, Clock clock,
                      PagingProperties paging) {
        this.tokens = tokens;
        this.acknowledger = acknowledger;
        this.facts = facts;
        this.clock = clock;
        this.pages = new AckPage(paging.schedule().zone(), clock);
    }

    @Operation(summary = "Show the page of an acknowledgement link", description = "Changes nothing.")
    @GetMapping(path = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token) {
        Checked checked = checkOpen(token);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        // relative to /ack/<token>, so the form also posts back through a reverse proxy that serves under a path
        return html(HttpStatus.OK, pages.confirm(view(checked.page()), token), null);
    }

    @Operation(summary = "Acknowledge the page of an acknowledgement link")
    @PostMapping(path = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acknowledge(@PathVariable String token) {
        Checked checked = checkOpen(token);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        PageBoard.Page page = checked.page();
        try {
            acknowledger.acknowledge(page.pageId(), checked.claims().recipient(), AcknowledgementChannel.LINK, null);
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
                // someone else came first: say who and when, as the board now knows it
                Optional<PageBoard.Page> ended = acknowledger.find(page.pageId())
                        .filter(p -> p.state() != PageBoard.State.OPEN);
                if (ended.isPresent()) {
                    return html(HttpStatus.GONE, pages.ended(view(ended.get())), null);
                }
            }
            return refusal(e);
        }
        PageBoard.Page acknowledged = acknowledger.find(page.pageId())
                .filter(p -> p.state() == PageBoard.State.ACKNOWLEDGED)
                // the board showed it acknowledged a moment ago; purged since (it cannot be, but say what happened)
                .orElseGet(() -> acknowledgedNow(page, checked.claims().recipient()));
        return html(HttpStatus.OK, pages.acknowledged(view(acknowledged)), null);
    }

    /** The page's view model, with what this instance knows of its ticket (the views page mails are made from). */
    private AckPage.View view(PageBoard.Page page) {
        return AckPage.View.of(page, facts.of(page.ticketId(), page.customerId()));
    }

    private PageBoard.Page acknowledgedNow(PageBoard.Page page, String by) {
        return new PageBoard.Page(page.pageId(), page.ticketId(), page.customerId(), page.severity(), page.cause(),
                page.level(), page.levelName(), page.round(), page.pagedName(), page.pagedEmail(), page.pagedAt(),
                page.lastPagedAt(), page.acknowledgeBy(), PageBoard.State.ACKNOWLEDGED, false, by, clock.instant(),
                AcknowledgementChannel.LINK.name(), null, page.pagedPeople(), null, null, null);
    }

    private record Checked(AckTokens.Claims claims, PageBoard.Page page, ResponseEntity<String> refusal) {
    }

    /** The link's claims and its page if the link is valid and the page still awaits an acknowledgement. */
    private Checked checkOpen(String token) {
        Optional<AckTokens.Claims> verified = tokens.verify(token);
        if (verified.isEmpty()) {
            return refused(html(HttpStatus.FORBIDDEN, AckPage.message("Invalid link",
                    "This acknowledgement link is not valid. Use the link from the page, or the API."), null));
        }
        AckTokens.Claims claims = verified.get();
        if (claims.expiredAt(clock.instant())) {
            return refused(html(HttpStatus.GONE, AckPage.message("Link expired", "This acknowledgement link expired "
                    + "at " + pages.local(claims.expiresAt()) + ". Use the API or a newer page."), null));
        }
        Optional<PageBoard.Page> page;
        try {
            page = acknowledger.current(claims.pageId());
        } catch (ErrorResponseException e) {
            return refused(refusal(e));
        }
        if (page.isEmpty()) {
            return refused(html(HttpStatus.NOT_FOUND, AckPage.message("Unknown page",
                    "No such page is known (yet). Try again in a moment."), null));
        }
        if (page.get().state() != PageBoard.State.OPEN) {
            return refused(html(HttpStatus.GONE, pages.ended(view(page.get())), null));
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
        String detail = String.valueOf(e.getBody().getDetail());
        if (status.is5xxServerError()) {
            return html(HttpStatus.SERVICE_UNAVAILABLE, AckPage.message("Could not record, try again",
                    "The acknowledgement could not be checked or recorded just now (the service could not reach its "
                            + "event log in time). Try the link again in a moment. " + detail),
                    e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        }
        if (status.value() == HttpStatus.CONFLICT.value() || status.value() == HttpStatus.GONE.value()) {
            return html(HttpStatus.GONE, AckPage.message("Nothing to acknowledge", detail), null);
        }
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return html(HttpStatus.NOT_FOUND, AckPage.message("Unknown page", detail), null);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return html(known == null ? HttpStatus.BAD_REQUEST : known, AckPage.message("Not acknowledged", detail), null);
    }

    private static ResponseEntity<String> html(HttpStatus status, String page, String retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", AckPage.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff");
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return builder.body(page);
    }
}
