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

import no.biztek.support.escalation.Problems;
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

    record EscalationList(List<VendorEscalationBook.Escalation> escalations) {
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
            description = "Billed under the customer's contract. Refused: end before start, in the future, "
                    + "overlapping another entry of the consultant (409), closed (409) or unknown (404) escalation.")
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

    @Operation(summary = "List vendor escalations", description = "state: open (default), closed or all")
    @GetMapping("/vendor-escalations")
    EscalationList list(@RequestParam(defaultValue = "open") String state) {
        Boolean closed = switch (state.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> false;
            case "closed" -> true;
            case "all" -> null;
            default -> throw new InvalidRequestException("state", "must be one of open, closed, all; was '" + state + "'");
        };
        return new EscalationList(book.list(closed));
    }

    @Operation(summary = "Show a vendor escalation with its status changes and time entries")
    @GetMapping("/vendor-escalations/{escalationId}")
    VendorEscalationBook.Escalation get(@PathVariable String escalationId) {
        return book.find(escalationId).orElseThrow(() -> Problems.notFound("No vendor escalation " + escalationId + "."));
    }

    private static ResponseEntity<VendorEscalations.Written> answer(VendorEscalations.Written written) {
        return ResponseEntity.status(written.outcome() == VendorEscalations.Outcome.PUBLISHED
                ? HttpStatus.CREATED : HttpStatus.OK).body(written);
    }
}
