package no.biztek.support.notification.audit;

import java.time.Instant;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerKind;

/**
 * The notifications decided but without an outcome yet, in a kafka-platform TimerIndex (store
 * {@code pending-notifications}): one entry of kind {@link #KIND} per notification, at its issue time, keyed by its
 * notificationId. The entries are never fired: the index only keeps them in issue order, and the audit ledger cancels
 * one when the notification's outcome arrives.
 */
public final class PendingIndex {

    public static final TimerKind KIND = TimerKind.of(2, "pending-notification");

    private PendingIndex() {
    }

    public static Timer entry(Instant issuedAt, String notificationId) {
        return new Timer(issuedAt, KIND, notificationId);
    }

    /** How many notifications are pending, and the oldest one's issue time (null: none). */
    record Summary(Instant oldest, long count) {
    }

    /** Reads the index through an interactive query (a TimerIndex works on a task's writable store only). */
    static Summary summarize(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
        Instant oldest = null;
        long count = 0;
        try (KeyValueIterator<Bytes, byte[]> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<Bytes, byte[]> entry = entries.next();
                Timer timer = Timer.ofKey(entry.key).filter(t -> t.is(KIND)).orElse(null);
                if (timer != null) {
                    oldest = oldest == null || timer.dueAt().isBefore(oldest) ? timer.dueAt() : oldest;
                    count++;
                }
            }
        }
        return new Summary(oldest, count);
    }
}
