package no.biztek.support.kafka.timer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Objects;

import org.apache.kafka.common.utils.Bytes;

/**
 * One entry of a {@link TimerIndex}: when it is due, its kind, and the key of what it is for (a ticket id, a
 * ticket id and page id ...). Its index key is the due instant in epoch milliseconds, big-endian, then the kind's
 * byte, then the key in UTF-8: byte order is time order (for instants after 1970), so a range scan up to "now"
 * visits exactly the timers due by now, earliest first.
 *
 * @param dueAt when it is due (millisecond precision)
 * @param kind  what it is for
 * @param key   whose timer it is
 */
public record Timer(Instant dueAt, byte kind, String key) {

    private static final int TIME_BYTES = Long.BYTES;

    public Timer {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(key, "key");
    }

    public Timer(Instant dueAt, TimerKind kind, String key) {
        this(dueAt, kind.code(), key);
    }

    public boolean is(TimerKind other) {
        return kind == other.code();
    }

    Bytes encode() {
        byte[] id = key.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(TIME_BYTES + 1 + id.length).putLong(dueAt.toEpochMilli()).put(kind)
                .put(id).array());
    }

    /**
     * The timer an index key holds, or empty for the index's own entries (its scan position): for reading an index
     * through an interactive query, where no {@link TimerIndex} can be opened.
     */
    public static Optional<Timer> ofKey(Bytes key) {
        return key.get().length > TIME_BYTES ? Optional.of(decode(key)) : Optional.empty();
    }

    static Timer decode(Bytes encoded) {
        byte[] bytes = encoded.get();
        long millis = ByteBuffer.wrap(bytes, 0, TIME_BYTES).getLong();
        return new Timer(Instant.ofEpochMilli(millis), bytes[TIME_BYTES],
                new String(bytes, TIME_BYTES + 1, bytes.length - TIME_BYTES - 1, StandardCharsets.UTF_8));
    }

    /** The smallest key at the millisecond {@code millis}: every timer due at or after it sorts at or after this. */
    static Bytes lowestAt(long millis) {
        return Bytes.wrap(ByteBuffer.allocate(TIME_BYTES).putLong(Math.max(0, millis)).array());
    }

    /** The smallest key after {@code key}. */
    static Bytes successor(Bytes key) {
        return Bytes.wrap(Arrays.copyOf(key.get(), key.get().length + 1));
    }
}
