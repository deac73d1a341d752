package no.biztek.support.notification.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One notification of a ticket as the audit view shows it.
 *
 * @param status           PENDING (decided, no outcome yet), SENT, PARTIALLY_SENT (some recipients refused) or FAILED
 * @param recipients       addresses the SMTP server accepted the mail for
 * @param failedRecipients addresses it could not be delivered to
 * @param issuedAt         when the service decided to send it (null when only its outcome was seen)
 */
public record AuditEntry(String notificationId, String causeEventId, String template, String escalationId,
                         Status status, String locale, List<String> recipients, List<String> failedRecipients,
                         String subject, Instant issuedAt, Instant sentAt, Instant failedAt, String reason,
                         Boolean permanent) {

    /** Where a notification stands. */
    public enum Status {
        PENDING, SENT, PARTIALLY_SENT, FAILED
    }

    public AuditEntry {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(status, "status");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        failedRecipients = failedRecipients == null ? List.of() : List.copyOf(failedRecipients);
    }

    public static AuditEntry pending(String notificationId, String causeEventId, String template, String escalationId,
                                     Instant issuedAt) {
        return new AuditEntry(notificationId, causeEventId, template, escalationId, Status.PENDING, null, List.of(),
                List.of(), null, issuedAt, null, null, null, null);
    }

    AuditEntry sent(String causeEvent, String templateName, String language, List<String> to, String mailSubject,
                    Instant at) {
        Status next = failedRecipients.isEmpty() ? Status.SENT : Status.PARTIALLY_SENT;
        return new AuditEntry(notificationId, causeEvent, templateName, escalationId, next, language, to,
                failedRecipients, mailSubject, issuedAt, at, failedAt, reason, permanent);
    }

    AuditEntry failed(String causeEvent, String templateName, List<String> to, String why, boolean isPermanent,
                      Instant at) {
        Status next = recipients.isEmpty() ? Status.FAILED : Status.PARTIALLY_SENT;
        return new AuditEntry(notificationId, causeEvent, templateName, escalationId, next, locale, recipients, to,
                subject, issuedAt, sentAt, at, why, isPermanent);
    }
}
