package no.biztek.support.notification.cause;

import java.time.Instant;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.notification.cadence.CadenceIndex;

/** A keep-informed timer: the reminder of the escalation with the key, due at {@code dueAt}. */
record ReminderTimer(String escalationKey, Instant dueAt) {

    static ReminderTimer of(Timer timer) {
        return new ReminderTimer(timer.key(), timer.dueAt());
    }

    Timer timer() {
        return CadenceIndex.timer(dueAt, escalationKey);
    }
}
