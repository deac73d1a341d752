package no.biztek.support.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import no.biztek.support.notification.compose.Contact;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * A mail to send, worded and addressed (the value of the internal commands topic, keyed by ticketId).
 * Its content is fixed when the command is made, so every retry sends the same mail.
 */
public record NotificationCommand(String notificationId, String causeEventId, NotificationTemplate template,
                                  String ticketId, String customerId, String escalationId, CustomerLocale locale,
                                  List<Contact> recipients, String subject, String text, String html,
                                  Instant issuedAt) {

    public NotificationCommand {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(causeEventId, "causeEventId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(issuedAt, "issuedAt");
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
    }

    public List<String> addresses() {
        return recipients.stream().map(Contact::email).toList();
    }
}
