package no.biztek.support.escalation.vendor;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import no.biztek.support.httpapi.problem.InvalidRequestException;

/** Vendor escalations of tickets, their status, consultants' time and closing, over HTTP. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class VendorEscalationController {

    private final VendorEscalations escalations;
    private final VendorEscalationBook book;

    VendorEscalationController(VendorEscalations escalations, VendorEscalationBook book) {
        this.escalations = escalations;
        this.book = book;
    }

    /**
     * One answer of the escalation list, latest opened first.
     *
     * @param nextCursor pass it as {@code cursor} for the next answer; null when this was the last
     */
    record EscalationList(List<VendorEscalationBook.Escalation> escalations, String nextCursor) {
    }

    @Operation(summary = "Open a vendor escalation on a ticket",
            description = "201 with the escalationId; 200 when the same escalation was already opened.")
    @PostMapping(path = "/tickets/{ticketId}/vendor-escalations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VendorEscalations.Written> open(@PathVariable String ticketId,
                                                   @RequestBody VendorRequests.Open request) {
        VendorEscalations.Written written = escalations.open(ticketId, request);
        return ResponseEntity.status(written.outcome() == VendorEscalations.Outcome.PUBLISHED
                        ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/vendor-escalations/" + written.escalationId())).body(written);
    }

    @Operation(summary = "Record a status change reported by the vendor")
    @PostMapping(path = "/vendor-escalations/{escalationId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VendorEscalations.Written> status(@PathVariable String escalationId,
                                                     @RequestBody VendorRequests.StatusChange request) {
        return ResponseEntity.ok(escalations.changeStatus(escalationId, request));
    }

    @Operation(summary = "Record a consultant's time entry",
            description = "Billed under the customer's contract. Refused: end before start, in the future, starting "
                    + "more than support.escalation.vendor.time-entry-max-age ago (400), overlapping another entry of "
                    + "the consultant (409), an escalation closed longer ago than "
                    + "support.escalation.vendor.time-entry-grace-after-close (409), an unknown or forgotten "
                    + "escalation (404).")
    @PostMapping(path = "/vendor-escalations/{escalationId}/time-entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VendorEscalations.Written> timeEntry(@PathVariable String escalationId,
                                                        @RequestBody VendorRequests.TimeEntry request) {
        return answer(escalations.recordTime(escalationId, request));
    }

    @Operation(summary = "Close a vendor escalation")
    @PostMapping(path = "/vendor-escalations/{escalationId}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VendorEscalations.Written> close(@PathVariable String escalationId,
                                                    @RequestBody VendorRequests.Close request) {
        return ResponseEntity.ok(escalations.close(escalationId, request));
    }

    @Operation(summary = "List vendor escalations", description = "state: open (default), closed or all. Paginated, "
            + "latest opened first: at most `limit` escalations (default " + Listing.DEFAULT_LIMIT + ", at most "
            + Listing.MAX_LIMIT + ") and `nextCursor` (null on the last answer), which the next request passes as "
            + "`cursor`. A bad state, limit or cursor is a 400 problem document naming the parameter. Closed "
            + "escalations are listed until they are forgotten (support.escalation.vendor.closed-retention).")
    @GetMapping("/vendor-escalations")
    EscalationList list(@RequestParam(defaultValue = "open") String state,
                        @Parameter(description = "escalations per answer, 1 to " + Listing.MAX_LIMIT + "; default "
                                + Listing.DEFAULT_LIMIT) @RequestParam(required = false) String limit,
                        @Parameter(description = "the nextCursor of the previous answer; none: from the latest")
                        @RequestParam(required = false) String cursor) {
        Boolean closed = switch (state.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> false;
            case "closed" -> true;
            case "all" -> null;
            default -> throw new InvalidRequestException("state", "must be one of open, closed, all; was '" + state + "'");
        };
        Listing.Slice<VendorEscalationBook.Escalation> slice = Listing.slice(book.list(closed),
                e -> new Listing.Position(e.openedAt(), e.escalationId()), Listing.Request.of(limit, cursor));
        return new EscalationList(slice.items(), slice.nextCursor());
    }

    @Operation(summary = "Show a vendor escalation with its status changes and time entries")
    @GetMapping("/vendor-escalations/{escalationId}")
    VendorEscalationBook.Escalation get(@PathVariable String escalationId) {
        return book.find(escalationId).orElseThrow(() -> VendorEscalations.unknown(escalationId, book));
    }

    private static ResponseEntity<VendorEscalations.Written> answer(VendorEscalations.Written written) {
        return ResponseEntity.status(written.outcome() == VendorEscalations.Outcome.PUBLISHED
                ? HttpStatus.CREATED : HttpStatus.OK).body(written);
    }
}
