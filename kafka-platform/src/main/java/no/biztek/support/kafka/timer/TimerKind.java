package no.biztek.support.kafka.timer;

/**
 * What a timer is for, as its index knows it: one byte in the index key, so timers of different kinds for
 * the same subject (a ticket's deadline and its page's re-escalation) are distinct entries. Each topology
 * declares its kinds as constants with distinct codes.
 *
 * @param code the byte stored in the key
 * @param name for logs
 */
public record TimerKind(byte code, String name) {

    public TimerKind {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a timer kind needs a name");
        }
    }

    public static TimerKind of(int code, String name) {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("a timer kind's code is one byte, was " + code);
        }
        return new TimerKind((byte) code, name);
    }
}
