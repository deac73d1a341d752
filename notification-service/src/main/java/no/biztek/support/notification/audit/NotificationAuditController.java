package no.biztek.support.notification.audit;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import no.biztek.support.httpapi.forward.InstanceForwarding;

/**
 * {@code GET /api/v1/tickets/{ticketId}/notifications} (scope {@code read}): what the ticket's customer was
 * told, when and to whom, including notifications still pending and those that failed. A ticket the service
 * never notified about answers an empty list. With several instances the query is answered by the instance
 * holding the ticket (see {@link NotificationHistoryQuery}).
 */
@RestController
class NotificationAuditController {

    private final NotificationHistoryQuery query;

    NotificationAuditController(NotificationHistoryQuery query) {
        this.query = query;
    }

    @Operation(summary = "What the ticket's customer was told, when and to whom",
            description = "Answered by the instance holding the ticket; 503 with Retry-After while the pipeline starts"
                    + " or rebalances")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = TicketNotifications.class)))
    @GetMapping(path = "/api/v1/tickets/{ticketId}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> notifications(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._:\\-]{1,200}",
                    message = "must be 1 to 200 letters, digits or . _ : -") String ticketId,
            @Parameter(hidden = true) @RequestHeader(name = InstanceForwarding.FORWARDED_HEADER, required = false) String forwarded) {
        return query.find(ticketId, forwarded != null);
    }
}
