package no.biztek.support.notification.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import no.biztek.support.schemas.notification.NotificationTemplate;

/** Deterministic ids (UUID v3 of their parts): a redelivered or reprocessed input yields the same id. */
public final class Ids {

    private Ids() {
    }

    /** The notification telling the customer about a cause with a template. */
    public static String notificationId(String causeEventId, NotificationTemplate template) {
        return uuid("notification|" + causeEventId + "|" + template.name());
    }

    /** The synthetic cause of a keep-informed reminder: one per escalation and due time. */
    public static String reminderCause(String escalationKey, long dueMillis) {
        return uuid("still-working|" + escalationKey + "|" + dueMillis);
    }

    /**
     * The follow-up of a notification: the same mail for the recipients the server refused only temporarily
     * (4xx, e.g. greylisting) while it accepted it for the others. A follow-up of a follow-up is derived likewise.
     */
    public static String followUpNotificationId(String notificationId) {
        return uuid(notificationId + "|retry");
    }

    /** The eventId of the outcome event of a notification (CustomerNotified or CustomerNotificationFailed). */
    public static String outcomeEventId(String notificationId, String outcome) {
        return uuid(outcome + "|" + notificationId);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
