package no.biztek.support.notification.cause;

import java.util.List;

import no.biztek.support.notification.audit.AuditEntry;
import no.biztek.support.notification.audit.NotificationHistory;

/**
 * What one input (a ticket, escalation or notification event, a due reminder, a waiting notification looked at
 * again) does to the data of one ticket, as the rules decided it. {@link DecisionWriter} applies it.
 *
 * @param ticketId    the ticket; null only for a timer whose escalation is gone
 * @param ticket      the ticket to store; null: unchanged
 * @param escalations the escalations that changed, with their keep-informed reminders
 * @param history     the audit history to store; null: unchanged
 * @param pending     notifications decided, to record in the audit history as pending (unless already there)
 * @param settled     audit entries no longer pending: their outcome arrived
 * @param released    waiting notifications that no longer wait (sent, or given up)
 * @param parked      a notification that now waits; null: none
 * @param mails       notifications to word and produce as mail commands, in this order
 * @param spent       a keep-informed timer that did its work; null: none
 * @param told        the cause to remember as told (an event id, or a reminder's synthetic id); null: none
 */
record Decision(Outcome outcome, String ticketId, TicketInfo ticket, List<EscalationChange> escalations,
                NotificationHistory history, List<AuditEntry> pending, List<AuditEntry> settled,
                List<Waiting> released, Parking parked, List<Outgoing> mails, ReminderTimer spent, String told) {

    Decision {
        escalations = List.copyOf(escalations);
        pending = List.copyOf(pending);
        settled = List.copyOf(settled);
        released = List.copyOf(released);
        mails = List.copyOf(mails);
    }

    /** A timer that no longer stands for a reminder (its escalation is gone, or the reminder moved): only dropped. */
    static Decision spentTimer(String ticketId, ReminderTimer timer) {
        return new Decision(Outcome.TIMER_SPENT, ticketId, null, List.of(), null, List.of(), List.of(), List.of(),
                null, List.of(), timer, null);
    }

    /** How an input was taken. */
    enum Outcome {
        /** Applied as the changes say. */
        APPLIED,
        /** A due reminder was told, or parked until its customer is known. */
        REMINDED,
        /** A due timer did not become a reminder: superseded, the ticket resolved or unknown, or told before. */
        TIMER_SPENT,
        /** A waiting notification waits on. */
        STILL_WAITING,
        /** A waiting notification went out to its customer. */
        RELEASED,
        /** A waiting notification went to the requester only: its customer was not in the directory in time. */
        REQUESTER_ONLY,
        /** A waiting notification went to nobody: its ticket stayed unknown, so its customer is not verified. */
        WITHHELD
    }
}
