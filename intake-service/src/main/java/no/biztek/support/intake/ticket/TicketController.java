package no.biztek.support.intake.ticket;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Tickets and their lifecycle over HTTP (SPEC §4). Every answer comes after Kafka acknowledged the event; a
 * 202 tells where the ticket's SLA status will be ({@link SlaStatusLocation}) and to wait a second for it.
 */
@ApiResponse(responseCode = "202", description = "Recorded (or already recorded). The ticket's SLA status appears at"
        + " Location once sla-timer-service has read the event; ask again after Retry-After seconds while it"
        + " answers 404.", headers = {
        @Header(name = "Location", description = "the ticket's SLA status on sla-timer-service:"
                + " {support.intake.sla-status-base-url}/api/v1/tickets/{ticketId}/sla",
                schema = @Schema(type = "string", format = "uri")),
        @Header(name = "Retry-After", description = "seconds to wait before asking there: 1",
                schema = @Schema(type = "integer"))},
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Accepted.class)))
@ApiResponse(responseCode = "503", description = "Kafka is unavailable; nothing was written, retry after Retry-After")
@RestController
@RequestMapping(path = "/api/v1/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketController {

    private static final String UNKNOWN_TICKET = "No ticket with this id is known: never opened, or resolved longer ago"
            + " than support.intake.ticket-retention (forgotten)";

    static final String TICKET_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final TicketIntake intake;
    private final TicketHolds holds;
    private final SlaStatusLocation slaStatus;

    TicketController(TicketIntake intake, TicketHolds holds, SlaStatusLocation slaStatus) {
        this.intake = intake;
        this.holds = holds;
        this.slaStatus = slaStatus;
    }

    private ResponseEntity<Accepted> accepted(Accepted accepted) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).headers(slaStatus.headers(accepted.ticketId()))
                .body(accepted);
    }

    @Operation(summary = "Open a ticket", description = "The same source and externalId again answer the same ticketId.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> open(@RequestBody TicketRequests.OpenTicket request) {
        return accepted(intake.open(request));
    }

    @ApiResponse(responseCode = "404", description = UNKNOWN_TICKET)
    @Operation(summary = "Record the first response", description = "Only the first one counts; later ones change nothing.")
    @PostMapping(path = "/{ticketId}/first-response", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> firstResponse(@PathVariable @Pattern(regexp = TICKET_ID) String ticketId,
                                           @RequestBody TicketRequests.FirstResponse request) {
        return accepted(intake.recordFirstResponse(ticketId, request));
    }

    @ApiResponse(responseCode = "404", description = UNKNOWN_TICKET)
    @Operation(summary = "Change the severity", description = "A downgrade needs a reason code the policy accepts.")
    @PostMapping(path = "/{ticketId}/severity", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> severity(@PathVariable @Pattern(regexp = TICKET_ID) String ticketId,
                                      @RequestBody TicketRequests.SeverityChange request) {
        return accepted(intake.changeSeverity(ticketId, request));
    }

    @ApiResponse(responseCode = "404", description = UNKNOWN_TICKET)
    @Operation(summary = "Resolve the ticket")
    @PostMapping(path = "/{ticketId}/resolve")
    ResponseEntity<Accepted> resolve(@PathVariable @Pattern(regexp = TICKET_ID) String ticketId,
                                     @RequestBody(required = false) TicketRequests.Resolve request) {
        return accepted(intake.resolve(ticketId, request == null ? new TicketRequests.Resolve(null) : request));
    }

    @ApiResponse(responseCode = "409", description = "The ticket is not resolved")
    @ApiResponse(responseCode = "404", description = UNKNOWN_TICKET)
    @Operation(summary = "Reopen a resolved ticket")
    @PostMapping(path = "/{ticketId}/reopen")
    ResponseEntity<Accepted> reopen(@PathVariable @Pattern(regexp = TICKET_ID) String ticketId,
                                    @RequestBody(required = false) TicketRequests.Reopen request) {
        return accepted(intake.reopen(ticketId, request == null ? new TicketRequests.Reopen(null, null) : request));
    }

    @ApiResponse(responseCode = "409", description = "The ticket is resolved")
    @ApiResponse(responseCode = "404", description = UNKNOWN_TICKET)
    @Operation(summary = "Hold the ticket", description = "The ticket waits for the reason, one of the pause reasons of"
            + " its plan (in the version in force when it was opened), until it is resumed or resolved; the plan says"
            + " which SLA clocks stop meanwhile. RESOLVED is not a hold reason (400). The same reason again is already"
            + " recorded; another reason replaces it from heldAt on.")
    @PostMapping(path = "/{ticketId}/hold", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> hold(@PathVariable @Pattern(regexp = TICKET_ID) String ticketId,
                                  @RequestBody TicketRequests.Hold request) {
        return accepted(holds.hold(ticketId, request));
    }

    @ApiResponse(responseCode = "409", description = "The ticket was never held")
    @ApiResponse(responseCode = "404", description = UNKNOWN_TICKET)
    @Operation(summary = "Resume a held ticket", description = "Ends its hold. A ticket no longer held answers the last"
            + " resume as already recorded; one never held is a conflict (409).")
    @PostMapping(path = "/{ticketId}/resume")
    ResponseEntity<Accepted> resume(@PathVariable @Pattern(regexp = TICKET_ID) String ticketId,
                                    @RequestBody(required = false) TicketRequests.Resume request) {
        return accepted(holds.resume(ticketId, request == null ? new TicketRequests.Resume(null) : request));
    }
}
