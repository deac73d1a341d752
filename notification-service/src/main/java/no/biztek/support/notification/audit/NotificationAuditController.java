package no.biztek.support.notification.audit;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tickets/{ticketId}/notifications} (scope {@code read}): what the ticket's customer was
 * told, when and to whom, including notifications still pending and those that failed. A ticket the service
 * never notified about answers an empty list.
 */
@RestController
class NotificationAuditController {

    private final NotificationHistoryQuery query;

    NotificationAuditController(NotificationHistoryQuery query) {
        this.query = query;
    }

    @GetMapping(path = "/api/v1/tickets/{ticketId}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    TicketNotifications notifications(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._:\\-]{1,200}",
                    message = "must be 1 to 200 letters, digits or . _ : -") String ticketId,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = NotificationHistoryQuery.FORWARDED_HEADER, required = false) String forwarded) {
        return query.find(ticketId, authorization, "true".equals(forwarded));
    }
}
