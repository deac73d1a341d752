package no.biztek.support.notification.cause;

import java.time.Instant;

import no.biztek.support.notification.audit.AuditEntry;
import no.biztek.support.notification.audit.NotificationHistory;
import no.biztek.support.schemas.notification.CustomerNotificationFailed;
import no.biztek.support.schemas.notification.CustomerNotified;
import no.biztek.support.schemas.notification.NotificationEvent;

/**
 * What the sender's outcomes mean: the audit history records them (the notification no longer pending), and a mail
 * that reached the customer moves the reminder of its escalation (of every escalation of the ticket, when its
 * escalation is not known) to a cadence after the mail was accepted, if that is later.
 */
final class OutcomeRules {

    private final KeepInformedRules keepInformed;

    OutcomeRules(KeepInformedRules keepInformed) {
        this.keepInformed = keepInformed;
    }

    /** @param stored the ticket's audit history; null when it has none */
    Decision decide(NotificationEvent event, NotificationHistory stored, TicketSnapshot snapshot, Instant now) {
        TicketWork work = new TicketWork(snapshot, now);
        NotificationHistory current = stored == null ? NotificationHistory.empty() : stored;
        if (event.getPayload() instanceof CustomerNotified notified) {
            NotificationHistory updated = current.withNotified(notified, event.getOccurredAt());
            work.history(updated);
            settle(work, current, notified.getNotificationId());
            String escalationId = updated.find(notified.getNotificationId()).map(AuditEntry::escalationId)
                    .orElse(null);
            for (EscalationState state : work.escalations()) {
                if (escalationId == null || escalationId.equals(state.escalationId())) {
                    work.put(keepInformed.mailed(state, work.ticket(), event.getOccurredAt(), now));
                }
            }
        } else if (event.getPayload() instanceof CustomerNotificationFailed failed) {
            work.history(current.withFailed(failed, event.getOccurredAt()));
            settle(work, current, failed.getNotificationId());
        }
        return work.decision(Decision.Outcome.APPLIED);
    }

    /** Only a notification the pipeline decided was pending: an entry made from an outcome alone has no issuedAt. */
    private static void settle(TicketWork work, NotificationHistory before, String notificationId) {
        before.find(notificationId).filter(entry -> entry.issuedAt() != null).ifPresent(work::settled);
    }
}
