package no.biztek.support.notification.cause;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import no.biztek.support.notification.audit.AuditEntry;
import no.biztek.support.notification.audit.NotificationHistory;
import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.customer.CustomerView;

/**
 * A decision in the making: the ticket's data as the rules change it, step by step (a later step sees what an
 * earlier one changed), and what is to be written and produced. No I/O.
 */
final class TicketWork {

    private final TicketSnapshot snapshot;
    private final Instant now;
    private final Map<String, EscalationState> escalations;
    private final List<Waiting> waiting;
    private final List<AuditEntry> pending = new ArrayList<>();
    private final List<AuditEntry> settled = new ArrayList<>();
    private final List<Waiting> released = new ArrayList<>();
    private final List<Outgoing> mails = new ArrayList<>();
    private TicketInfo ticket;
    private boolean ticketChanged;
    private NotificationHistory history;
    private Parking parked;
    private ReminderTimer spent;
    private String told;

    TicketWork(TicketSnapshot snapshot, Instant now) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.now = Objects.requireNonNull(now, "now");
        this.ticket = snapshot.ticket();
        this.escalations = new LinkedHashMap<>(snapshot.escalations());
        this.waiting = new ArrayList<>(snapshot.waiting());
    }

    Instant now() {
        return now;
    }

    TicketInfo ticket() {
        return ticket;
    }

    void ticket(TicketInfo info) {
        ticket = info;
        ticketChanged = true;
    }

    CustomerView customer() {
        return snapshot.customer();
    }

    /** The ticket's escalations as they stand now (a copy: the caller may change them while going through it). */
    List<EscalationState> escalations() {
        return List.copyOf(escalations.values());
    }

    EscalationState escalation(String key) {
        return escalations.get(key);
    }

    void put(EscalationState state) {
        escalations.put(TicketSnapshot.keyOf(state), state);
    }

    void remove(EscalationState state) {
        escalations.remove(TicketSnapshot.keyOf(state));
    }

    /** The ticket's notifications that still wait, in the order decided. */
    List<Waiting> waiting() {
        return List.copyOf(waiting);
    }

    void release(Waiting sent) {
        waiting.remove(sent);
        released.add(sent);
    }

    void park(Parking parking) {
        parked = parking;
    }

    /** A notification was decided: the audit history shows it as pending until its outcome arrives. */
    void pending(Draft draft) {
        pending.add(AuditEntry.pending(draft.notificationId(), draft.causeEventId(), draft.template().name(),
                draft.escalationId(), draft.issuedAt()));
    }

    void history(NotificationHistory updated) {
        history = updated;
    }

    void settled(AuditEntry entry) {
        settled.add(entry);
    }

    void mail(Outgoing outgoing) {
        mails.add(outgoing);
    }

    void spent(ReminderTimer timer) {
        spent = timer;
    }

    void told(String cause) {
        told = cause;
    }

    Decision decision(Decision.Outcome outcome) {
        List<EscalationChange> changes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(snapshot.escalations().keySet());
        keys.addAll(escalations.keySet());
        for (String key : keys) {
            EscalationState before = snapshot.escalation(key);
            EscalationState after = escalations.get(key);
            if (!Objects.equals(before, after)) {
                changes.add(new EscalationChange(key, before, after));
            }
        }
        return new Decision(outcome, snapshot.ticketId(), ticketChanged ? ticket : null, changes, history, pending,
                settled, released, parked, mails, spent, told);
    }
}
