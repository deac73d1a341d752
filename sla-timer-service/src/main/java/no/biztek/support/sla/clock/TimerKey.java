package no.biztek.support.sla.clock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.apache.kafka.common.utils.Bytes;

/**
 * Key of the timer index: the due instant in epoch milliseconds, big-endian, then the ticketId in UTF-8.
 * Byte order is time order (for instants after 1970), so a range scan from a position up to "now"
 * visits exactly the timers due by now, earliest first.
 */
record TimerKey(Instant dueAt, String ticketId) {

    private static final int TIME_BYTES = Long.BYTES;

    Bytes encode() {
        byte[] id = ticketId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(TIME_BYTES + id.length).putLong(dueAt.toEpochMilli()).put(id).array());
    }

    static TimerKey decode(Bytes key) {
        byte[] bytes = key.get();
        long millis = ByteBuffer.wrap(bytes, 0, TIME_BYTES).getLong();
        return new TimerKey(Instant.ofEpochMilli(millis),
                new String(bytes, TIME_BYTES, bytes.length - TIME_BYTES, StandardCharsets.UTF_8));
    }

    /** The smallest key at the millisecond {@code millis}: every timer due at or after it sorts at or after this. */
    static Bytes lowestAt(long millis) {
        return Bytes.wrap(ByteBuffer.allocate(TIME_BYTES).putLong(Math.max(0, millis)).array());
    }

    /** The smallest key after {@code key}. */
    static Bytes successor(Bytes key) {
        byte[] bytes = Arrays.copyOf(key.get(), key.get().length + 1);
        return Bytes.wrap(bytes);
    }
}
