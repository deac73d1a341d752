package no.biztek.support.notification.stage;

import java.util.UUID;

import no.biztek.support.kafka.ids.NameBasedIds;
import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * Deterministic ids ({@link NameBasedIds}, in notification's namespace): a redelivered or reprocessed input yields
 * the same id.
 */
public final class Ids {

    private static final UUID NAMESPACE = UUID.fromString("21fbbac5-8531-427f-acdf-4b2f671cd1aa");

    private Ids() {
    }

    /** The notification telling the customer about a cause with a template. */
    public static String notificationId(String causeEventId, NotificationTemplate template) {
        return NameBasedIds.of(NAMESPACE, "notification", causeEventId, template.name());
    }

    /** The synthetic cause of a keep-informed reminder: one per escalation and due time. */
    public static String reminderCause(String escalationKey, long dueMillis) {
        return NameBasedIds.of(NAMESPACE, "still-working", escalationKey, Long.toString(dueMillis));
    }

    /**
     * The follow-up of a notification: the same mail for the recipients the server refused only temporarily
     * (4xx, e.g. greylisting) while it accepted it for the others. A follow-up of a follow-up is derived likewise.
     */
    public static String followUpNotificationId(String notificationId) {
        return NameBasedIds.of(NAMESPACE, "retry", notificationId);
    }

    /** The eventId of the outcome event of a notification (CustomerNotified or CustomerNotificationFailed). */
    public static String outcomeEventId(String notificationId, String outcome) {
        return NameBasedIds.of(NAMESPACE, "outcome", outcome, notificationId);
    }
}
