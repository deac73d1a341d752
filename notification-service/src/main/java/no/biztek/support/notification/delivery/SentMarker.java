package no.biztek.support.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * The record that a notification's mail was accepted by the SMTP server (the value of the compacted
 * internal "sent" topic, keyed by notificationId). Consulted before every send; it also holds what is
 * needed to publish the CustomerNotified event again should that have been lost.
 */
public record SentMarker(String notificationId, String causeEventId, NotificationTemplate template, String ticketId,
                         String customerId, CustomerLocale locale, List<String> recipients, String subject,
                         Instant sentAt) {

    public SentMarker {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(sentAt, "sentAt");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
