package no.biztek.support.escalation.paging;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import no.biztek.support.escalation.api.Listing;
import no.biztek.support.escalation.api.Problems;
import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.httpapi.problem.RequestValidator;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;

/** On-call pages over HTTP: list them, show one, acknowledge one. */
@RestController
@RequestMapping(path = "/api/v1/pages", produces = MediaType.APPLICATION_JSON_VALUE)
class PageController {

    private final PageBoard board;
    private final PageAcknowledger acknowledger;
    private final RequestValidator validator;

    PageController(PageBoard board, PageAcknowledger acknowledger, RequestValidator validator) {
        this.board = board;
        this.acknowledger = acknowledger;
        this.validator = validator;
    }

    record Acknowledge(@NotBlank @Size(max = 200) String acknowledgedBy) {
    }

    /**
     * A page as the topology committed it; {@code exhausted}: still unacknowledged after the last level of
     * the last round timed out, so nobody is being paged any more; {@code withdrawn} (state): the SLA breach
     * that caused it was corrected away ({@code withdrawal} says why); {@code pagedPeople}: everyone paged for it;
     * {@code acknowledgedBy}: the person named by the acknowledgement (free text, or the link's recipient),
     * {@code acknowledgedByToken}: the API token (its configured name) an API acknowledgement was made with.
     */
    record PageResponse(String pageId, String ticketId, String customerId, String severity, String cause, int level,
                        String levelName, int round, Person paged, Instant pagedAt, Instant lastPagedAt,
                        Instant acknowledgeBy, String state, boolean exhausted, String acknowledgedBy,
                        Instant acknowledgedAt, String acknowledgedVia, Instant closedAt, List<Person> pagedPeople,
                        Instant withdrawnAt, String withdrawal, String acknowledgedByToken) {
    }

    record Person(String name, String email) {
    }

    /**
     * One answer of the page list, latest first.
     *
     * @param nextCursor pass it as {@code cursor} for the next answer; null when this was the last
     */
    record PageList(List<PageResponse> pages, String nextCursor) {
    }

    @Operation(summary = "List pages", description = "state: open (default), acknowledged, closed, withdrawn or all. "
            + "Paginated, latest first: at most `limit` pages (default " + Listing.DEFAULT_LIMIT + ", at most "
            + Listing.MAX_LIMIT + ") and `nextCursor` (null on the last answer), which the next request passes as "
            + "`cursor`. A bad state, limit or cursor is a 400 problem document naming the parameter.")
    @GetMapping
    PageList list(@RequestParam(defaultValue = "open") String state,
                  @Parameter(description = "pages per answer, 1 to " + Listing.MAX_LIMIT + "; default "
                          + Listing.DEFAULT_LIMIT) @RequestParam(required = false) String limit,
                  @Parameter(description = "the nextCursor of the previous answer; none: from the latest page")
                  @RequestParam(required = false) String cursor) {
        PageBoard.State filter;
        try {
            filter = "all".equalsIgnoreCase(state) ? null : PageBoard.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("state",
                    "must be one of open, acknowledged, closed, withdrawn, all; was '" + state + "'");
        }
        Listing.Slice<PageBoard.Page> slice = Listing.slice(board.list(filter),
                page -> new Listing.Position(page.pagedAt(), page.pageId()), Listing.Request.of(limit, cursor));
        return new PageList(slice.items().stream().map(PageController::response).toList(), slice.nextCursor());
    }

    @Operation(summary = "Show a page")
    @GetMapping("/{pageId}")
    PageResponse get(@PathVariable String pageId) {
        return acknowledger.find(pageId).map(PageController::response)
                .orElseThrow(() -> Problems.notFound("No page " + pageId + "."));
    }

    @Operation(summary = "Acknowledge a page", description = "Stops its escalation. 409 when it was already "
            + "acknowledged, closed or withdrawn; 503 with Retry-After when Kafka did not answer in time.")
    @PostMapping(path = "/{pageId}/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    PageAcknowledger.Acknowledged acknowledge(@PathVariable String pageId, @RequestBody Acknowledge request,
                                              @Parameter(hidden = true) Principal token) {
        validator.validate(request);
        return acknowledger.acknowledge(pageId, request.acknowledgedBy().trim(), AcknowledgementChannel.API,
                token == null ? null : token.getName());
    }

    private static PageResponse response(PageBoard.Page p) {
        return new PageResponse(p.pageId(), p.ticketId(), p.customerId(), p.severity(), p.cause(), p.level(),
                p.levelName(), p.round(), new Person(p.pagedName(), p.pagedEmail()), p.pagedAt(), p.lastPagedAt(),
                p.acknowledgeBy(), p.state().name().toLowerCase(Locale.ROOT), p.exhausted(), p.acknowledgedBy(),
                p.acknowledgedAt(), p.acknowledgedVia(), p.closedAt(),
                p.pagedPeople().stream().map(paged -> new Person(paged.name(), paged.email())).toList(),
                p.withdrawnAt(), p.withdrawal(), p.acknowledgedByToken());
    }
}
