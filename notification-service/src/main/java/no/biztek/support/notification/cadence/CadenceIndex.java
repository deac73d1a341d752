package no.biztek.support.notification.cadence;

import java.time.Instant;

/**
 * Keys of the keep-informed timers, ordered by due time: zero-padded due millis, a separator, then the key
 * of the escalation ({@code ticketId}, separator, {@code escalationId}). A range scan up to "now" yields
 * every timer that is due, oldest first.
 */
public final class CadenceIndex {

    /** Separates key parts; a control character that never occurs in ids. */
    public static final char SEPARATOR = '\u001f';

    private CadenceIndex() {
    }

    /** Key of an escalation of a ticket in the escalations store. */
    public static String escalationKey(String ticketId, String escalationId) {
        return ticketId + SEPARATOR + escalationId;
    }

    /** Prefix of every escalation key of a ticket. */
    public static String ticketPrefix(String ticketId) {
        return ticketId + SEPARATOR;
    }

    public static String timerKey(Instant due, String escalationKey) {
        return String.format("%013d", due.toEpochMilli()) + SEPARATOR + escalationKey;
    }

    /** The lowest possible timer key. */
    public static String first() {
        return "0";
    }

    /** The highest timer key due at or before {@code now}. */
    public static String lastDueAt(Instant now) {
        return String.format("%013d", now.toEpochMilli()) + SEPARATOR + '\uffff';
    }

    public static Instant due(String timerKey) {
        return Instant.ofEpochMilli(Long.parseLong(timerKey.substring(0, timerKey.indexOf(SEPARATOR))));
    }

    public static String escalationKeyOf(String timerKey) {
        return timerKey.substring(timerKey.indexOf(SEPARATOR) + 1);
    }
}
