package no.biztek.support.escalation.board;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import no.biztek.support.escalation.api.Problems;

/**
 * The live SLA board for API clients ({@code read}): a JSON snapshot and the Server-Sent Event stream; and the kiosk
 * links of wall screens (issuing and revoking them needs the service's write scope).
 */
@RestController
@RequestMapping("/api/v1/board")
class BoardApiController {

    /** What a new kiosk link is for and how long it works (ISO-8601, e.g. {@code P30D}). */
    record IssueLink(String name, String validFor) {
    }

    /**
     * A kiosk link as listed; {@code url} only in the answer that issued it (the token is not kept).
     *
     * @param state {@code active}, {@code expired} or {@code revoked}
     */
    record LinkResponse(String id, String name, String state, String issuedBy, Instant issuedAt, Instant expiresAt,
                        Instant revokedAt, String revokedBy, String url) {

        static LinkResponse of(BoardLinks.Link link, Instant now, String url) {
            String state = link.revoked() ? "revoked" : now.isBefore(link.expiresAt()) ? "active" : "expired";
            return new LinkResponse(link.id(), link.name(), state, link.issuedBy(), link.issuedAt(),
                    link.expiresAt(), link.revokedAt(), link.revokedBy(), url);
        }
    }

    private final BoardFeed feed;
    private final BoardStreams streams;
    private final LinkWriter links;
    private final BoardLinks known;
    private final String baseUrl;
    private final Clock clock;

    BoardApiController(BoardFeed feed, BoardStreams streams, LinkWriter links, BoardLinks known, BoardUrls urls,
                       Clock clock) {
        this.feed = feed;
        this.streams = streams;
        this.links = links;
        this.known = known;
        this.baseUrl = urls.baseUrl();
        this.clock = clock;
    }

    @Operation(summary = "Every running SLA clock, sorted by time to breach",
            description = "Optional filters: customer (id), severity (CRITICAL, SERIOUS, LESS_SERIOUS), metric.")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    BoardMessages.Snapshot board(@RequestParam(required = false) String customer,
                                 @RequestParam(required = false) String severity,
                                 @RequestParam(required = false) String metric) {
        BoardMessages.Snapshot all = feed.snapshot();
        List<BoardRow> rows = all.rows().stream().filter(r -> customer == null || customer.equals(r.customerId()))
                .filter(r -> severity == null || severity.equalsIgnoreCase(r.severity()))
                .filter(r -> metric == null || metric.equalsIgnoreCase(r.metric())).toList();
        return new BoardMessages.Snapshot(all.now(), all.zone(), all.calendars(), rows);
    }

    @Operation(summary = "The board as Server-Sent Events",
            description = "A snapshot, then upserts and removals; Last-Event-ID resumes. See the README.")
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(lastEventId, () -> true);
    }

    @Operation(summary = "Issue a read-only kiosk link to the board for a wall screen")
    @PostMapping(path = "/links", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LinkResponse> issue(@RequestBody IssueLink request, @Parameter(hidden = true) Principal token) {
        if (request == null) {
            throw Problems.of(HttpStatus.BAD_REQUEST,
                    "a body {\"name\": ..., \"validFor\": \"P30D\"} is required");
        }
        LinkWriter.Issued issued = links.issue(request.name(), request.validFor(), token.getName());
        return ResponseEntity.created(URI.create("/api/v1/board/links/" + issued.link().id()))
                .body(LinkResponse.of(issued.link(), clock.instant(), baseUrl + "/board/" + issued.token()));
    }

    @Operation(summary = "The kiosk links (active, expired for a while, revoked); never their tokens")
    @GetMapping(path = "/links", produces = MediaType.APPLICATION_JSON_VALUE)
    List<LinkResponse> list() {
        links.readUpToNow();
        Instant now = clock.instant();
        return known.list().stream().map(l -> LinkResponse.of(l, now, null)).toList();
    }

    @Operation(summary = "Revoke a kiosk link", description = "Every instance refuses it from then on, also after "
            + "restarts; a board showing it is told and stops. Revoking a revoked link changes nothing.")
    @DeleteMapping(path = "/links/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    LinkResponse revoke(@PathVariable String id, @Parameter(hidden = true) Principal token) {
        return LinkResponse.of(links.revoke(id, token.getName()), clock.instant(), null);
    }
}
