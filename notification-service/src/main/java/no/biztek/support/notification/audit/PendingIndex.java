package no.biztek.support.notification.audit;

import java.time.Instant;

/** Keys of the pending-notifications store: issued millis (zero-padded, so keys sort by time) and notificationId. */
public final class PendingIndex {

    private PendingIndex() {
    }

    public static String key(Instant issuedAt, String notificationId) {
        return String.format("%013d|%s", issuedAt.toEpochMilli(), notificationId);
    }

    public static Instant issuedAt(String key) {
        return Instant.ofEpochMilli(Long.parseLong(key.substring(0, key.indexOf('|'))));
    }
}
