package no.biztek.support.notification.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import no.biztek.support.schemas.notification.CustomerNotificationFailed;
import no.biztek.support.schemas.notification.CustomerNotified;

/** Every notification of one ticket, oldest first: the value of the audit store. */
public record NotificationHistory(List<AuditEntry> entries) {

    private static final Comparator<AuditEntry> ORDER = Comparator
            .comparing((AuditEntry e) -> firstKnown(e), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AuditEntry::notificationId);

    public NotificationHistory {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static NotificationHistory empty() {
        return new NotificationHistory(List.of());
    }

    public Optional<AuditEntry> find(String notificationId) {
        return entries.stream().filter(e -> e.notificationId().equals(notificationId)).findFirst();
    }

    /** With a pending entry added, unless the notification is already known. */
    public NotificationHistory withPending(AuditEntry pending) {
        if (find(pending.notificationId()).isPresent()) {
            return this;
        }
        return replace(pending);
    }

    public NotificationHistory withNotified(CustomerNotified notified, Instant at) {
        AuditEntry entry = find(notified.getNotificationId()).orElseGet(() -> unknown(notified.getNotificationId(),
                notified.getCauseEventId(), notified.getTemplate().name()));
        return replace(entry.sent(notified.getCauseEventId(), notified.getTemplate().name(),
                notified.getLocale().name(), notified.getRecipients(), notified.getSubject(), at));
    }

    public NotificationHistory withFailed(CustomerNotificationFailed failed, Instant at) {
        AuditEntry entry = find(failed.getNotificationId()).orElseGet(() -> unknown(failed.getNotificationId(),
                failed.getCauseEventId(), failed.getTemplate().name()));
        return replace(entry.failed(failed.getCauseEventId(), failed.getTemplate().name(), failed.getRecipients(),
                failed.getReason(), failed.getPermanent(), at));
    }

    /**
     * An outcome of a notification the pipeline did not decide itself (a follow-up for greylisted recipients):
     * it concerns the same escalation as the notification of the same cause.
     */
    private AuditEntry unknown(String notificationId, String causeEventId, String template) {
        String escalationId = entries.stream().filter(e -> causeEventId != null && causeEventId.equals(e.causeEventId()))
                .map(AuditEntry::escalationId).filter(Objects::nonNull).findFirst().orElse(null);
        return AuditEntry.pending(notificationId, causeEventId, template, escalationId, null);
    }

    private NotificationHistory replace(AuditEntry entry) {
        List<AuditEntry> next = new ArrayList<>(entries.size() + 1);
        entries.stream().filter(e -> !e.notificationId().equals(entry.notificationId())).forEach(next::add);
        next.add(entry);
        next.sort(ORDER);
        return new NotificationHistory(next);
    }

    private static Instant firstKnown(AuditEntry entry) {
        if (entry.issuedAt() != null) {
            return entry.issuedAt();
        }
        return entry.sentAt() != null ? entry.sentAt() : entry.failedAt();
    }
}
