package no.biztek.support.notification.cadence;

import java.time.Instant;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerKind;

/**
 * The keep-informed timers, in a kafka-platform TimerIndex (store {@code cadence-due}): one timer of kind
 * {@link #KIND} per open vendor escalation, due at its next reminder, keyed by the escalation's key
 * ({@code ticketId}, separator, {@code escalationId}), which also keys the escalations store.
 */
public final class CadenceIndex {

    public static final TimerKind KIND = TimerKind.of(1, "keep-informed");

    /** Separates key parts; a control character that never occurs in ids. */
    public static final char SEPARATOR = '\u001f';

    private CadenceIndex() {
    }

    /** Key of an escalation of a ticket in the escalations store, and of its timer. */
    public static String escalationKey(String ticketId, String escalationId) {
        return ticketId + SEPARATOR + escalationId;
    }

    /** Prefix of every escalation key of a ticket. */
    public static String ticketPrefix(String ticketId) {
        return ticketId + SEPARATOR;
    }

    /** The reminder timer of an escalation; null when no reminder is due. */
    public static Timer timer(Instant due, String escalationKey) {
        return due == null ? null : new Timer(due, KIND, escalationKey);
    }
}
