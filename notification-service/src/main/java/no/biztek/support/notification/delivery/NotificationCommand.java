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
 *
 * @param undeliverable why the pipeline could not address the mail (no recipients, ticket unknown), or null;
 *                      such a command has no recipients and the sender reports it as failed permanently
 */
public record NotificationCommand(String notificationId, String causeEventId, NotificationTemplate template,
                                  String ticketId, String customerId, String escalationId, CustomerLocale locale,
                                  List<Contact> recipients, String subject, String text, String html,
                                  Instant issuedAt, String undeliverable) {

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

    /** The same mail for some of its recipients only, as another notification (a follow-up). */
    public NotificationCommand forRecipients(String followUpId, List<Contact> someRecipients) {
        return new NotificationCommand(followUpId, causeEventId, template, ticketId, customerId, escalationId, locale,
                someRecipients, subject, text, html, issuedAt, null);
    }

    public List<String> addresses() {
        return recipients.stream().map(Contact::email).toList();
    }
}
