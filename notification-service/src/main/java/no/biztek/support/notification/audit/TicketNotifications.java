package no.biztek.support.notification.audit;

import java.util.List;

/** The audit view of one ticket: every notification, oldest first. */
public record TicketNotifications(String ticketId, List<AuditEntry> notifications) {

    public TicketNotifications {
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }
}
