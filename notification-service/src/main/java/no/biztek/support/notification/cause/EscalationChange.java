package no.biztek.support.notification.cause;

import java.time.Instant;

/**
 * An escalation before and after a decision (before null: new; after null: gone). Its keep-informed timer follows
 * the reminder due time: set, moved or cancelled.
 */
record EscalationChange(String key, EscalationState before, EscalationState after) {

    Instant dueBefore() {
        return before == null ? null : before.reminderDueAt();
    }

    Instant dueAfter() {
        return after == null ? null : after.reminderDueAt();
    }
}
