package no.biztek.support.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * The record that a notification's mail was accepted by the SMTP server (the value of the compacted
 * internal "sent" topic, keyed by notificationId). Consulted before every send; it also holds what is
 * needed to publish the CustomerNotified event and the follow-up again should they have been lost.
 *
 * @param recipients the addresses the server accepted the mail for
 * @param deferred   the addresses it refused only temporarily (4xx), which a follow-up notification retries
 */
public record SentMarker(String notificationId, String causeEventId, NotificationTemplate template, String ticketId,
                         String customerId, CustomerLocale locale, List<String> recipients, String subject,
                         Instant sentAt, List<String> deferred) {

    public SentMarker {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(sentAt, "sentAt");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        deferred = deferred == null ? List.of() : List.copyOf(deferred);
    }
}
