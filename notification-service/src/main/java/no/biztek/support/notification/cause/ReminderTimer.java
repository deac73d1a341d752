package no.biztek.support.notification.cause;

import java.time.Instant;

/** A keep-informed timer: the reminder of the escalation with the key, due at {@code dueAt}. */
record ReminderTimer(String escalationKey, Instant dueAt) {
}
