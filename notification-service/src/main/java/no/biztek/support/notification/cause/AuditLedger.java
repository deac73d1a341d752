package no.biztek.support.notification.cause;

import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.kafka.timer.TimerIndexRebuild;
import no.biztek.support.kafka.timer.TimerIndexRebuild.Source;
import no.biztek.support.notification.audit.AuditEntry;
import no.biztek.support.notification.audit.NotificationHistory;
import no.biztek.support.notification.audit.PendingIndex;
import no.biztek.support.notification.stage.StoreNames;

/** The audit view the HTTP API answers from: each ticket's notification history, and the notifications still pending. */
final class AuditLedger {

    private final KeyValueStore<String, NotificationHistory> history;
    private final TimerIndex pending;

    AuditLedger(ProcessorContext<?, ?> context) {
        this.history = context.getStateStore(StoreNames.HISTORY);
        KeyValueStore<Bytes, byte[]> pendingStore = context.getStateStore(StoreNames.PENDING);
        TimerIndexRebuild.unlessMarkedCurrent(pendingStore, context.getStateStore(StoreNames.TIMER_INDEX_FORMAT),
                StoreNames.PENDING, List.of(new Source<>(history, (ticketId, ticket) -> ticket.entries().stream()
                        .filter(entry -> entry.status() == AuditEntry.Status.PENDING && entry.issuedAt() != null)
                        .map(entry -> PendingIndex.entry(entry.issuedAt(), entry.notificationId())).toList())));
        this.pending = new TimerIndex(pendingStore);
    }

    /** The ticket's history; null when it has none. */
    NotificationHistory history(String ticketId) {
        return history.get(ticketId);
    }

    void write(Decision decision) {
        decision.pending().forEach(entry -> recordPending(decision.ticketId(), entry));
        if (decision.history() != null) {
            history.put(decision.ticketId(), decision.history());
        }
        for (AuditEntry settled : decision.settled()) {
            pending.cancel(PendingIndex.entry(settled.issuedAt(), settled.notificationId()));
        }
    }

    /** A notification already in the history (decided before, e.g. while it waited) is left as it is. */
    private void recordPending(String ticketId, AuditEntry entry) {
        NotificationHistory known = history.get(ticketId);
        NotificationHistory current = known == null ? NotificationHistory.empty() : known;
        if (current.find(entry.notificationId()).isPresent()) {
            return;
        }
        history.put(ticketId, current.withPending(entry));
        pending.schedule(PendingIndex.entry(entry.issuedAt(), entry.notificationId()));
    }
}
