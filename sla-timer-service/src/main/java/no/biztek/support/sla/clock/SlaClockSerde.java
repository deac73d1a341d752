package no.biztek.support.sla.clock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import no.biztek.support.policy.Severity;

/**
 * Stored form of an {@link SlaClock}: a compact binary record (format byte, then the fields in order;
 * texts as 2-byte length + UTF-8, instants as epoch millis).
 * Internal to this service; a new format gets a new format byte and this serde keeps reading the old one.
 * Format 2 adds the consultant of the first response (a presence byte, then the text) after {@code respondedAt}.
 */
public final class SlaClockSerde implements Serde<SlaClock> {

    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT_2 = 2;
    private static final long NONE = Long.MIN_VALUE;

    private final Serializer<SlaClock> serializer = (topic, clock) -> clock == null ? null : write(clock);
    private final Deserializer<SlaClock> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);

    @Override
    public Serializer<SlaClock> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<SlaClock> deserializer() {
        return deserializer;
    }

    static byte[] write(SlaClock clock) {
        byte[] ticketId = utf8(clock.ticketId());
        byte[] customerId = utf8(clock.customerId());
        byte[] policyVersion = utf8(clock.policyVersion());
        byte[] respondedBy = clock.respondedBy() == null ? null : utf8(clock.respondedBy());
        List<byte[]> seen = new ArrayList<>(clock.seenEventIds().size());
        int size = 1 + 3 * 2 + ticketId.length + customerId.length + policyVersion.length + 1 + 8 * 2 + 1 + 8 * 4
                + 1 + clock.warnedThresholds().size() + 2 + 1 + (respondedBy == null ? 0 : 2 + respondedBy.length);
        for (String eventId : clock.seenEventIds()) {
            byte[] bytes = utf8(eventId);
            seen.add(bytes);
            size += 2 + bytes.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT_2);
        putString(out, ticketId);
        putString(out, customerId);
        putString(out, policyVersion);
        out.put((byte) clock.severity().level());
        out.putLong(clock.openedAt().toEpochMilli());
        out.putLong(clock.dueAt().toEpochMilli());
        out.put((byte) clock.state().ordinal());
        putInstant(out, clock.respondedAt());
        out.put((byte) (respondedBy == null ? 0 : 1));
        if (respondedBy != null) {
            putString(out, respondedBy);
        }
        putInstant(out, clock.verdictAt());
        putInstant(out, clock.resolvedAt());
        putInstant(out, clock.timerAt());
        out.put((byte) clock.warnedThresholds().size());
        for (int threshold : clock.warnedThresholds()) {
            out.put((byte) threshold);
        }
        out.putShort((short) seen.size());
        seen.forEach(bytes -> putString(out, bytes));
        return out.array();
    }

    static SlaClock read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte format = in.get();
            if (format != FORMAT_1 && format != FORMAT_2) {
                throw new SerializationException("unknown SLA clock format " + format);
            }
            String ticketId = getString(in);
            String customerId = getString(in);
            String policyVersion = getString(in);
            Severity severity = Severity.ofLevel(in.get());
            Instant openedAt = Instant.ofEpochMilli(in.getLong());
            Instant dueAt = Instant.ofEpochMilli(in.getLong());
            ClockState state = ClockState.values()[in.get()];
            Instant respondedAt = getInstant(in);
            String respondedBy = format >= FORMAT_2 && in.get() != 0 ? getString(in) : null;
            Instant verdictAt = getInstant(in);
            Instant resolvedAt = getInstant(in);
            Instant timerAt = getInstant(in);
            int warnedCount = Byte.toUnsignedInt(in.get());
            List<Integer> warned = new ArrayList<>(warnedCount);
            for (int i = 0; i < warnedCount; i++) {
                warned.add((int) in.get());
            }
            int seenCount = Short.toUnsignedInt(in.getShort());
            List<String> seen = new ArrayList<>(seenCount);
            for (int i = 0; i < seenCount; i++) {
                seen.add(getString(in));
            }
            return new SlaClock(ticketId, customerId, policyVersion, severity, openedAt, dueAt, state, respondedAt,
                    respondedBy, verdictAt, resolvedAt, warned, timerAt, seen);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("cannot read stored SLA clock: " + e, e);
        }
    }

    private static byte[] utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new SerializationException("text of " + bytes.length + " bytes is too long to store in a clock");
        }
        return bytes;
    }

    private static void putString(ByteBuffer out, byte[] bytes) {
        out.putShort((short) bytes.length);
        out.put(bytes);
    }

    private static String getString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static void putInstant(ByteBuffer out, Instant instant) {
        out.putLong(instant == null ? NONE : instant.toEpochMilli());
    }

    private static Instant getInstant(ByteBuffer in) {
        long millis = in.getLong();
        return millis == NONE ? null : Instant.ofEpochMilli(millis);
    }
}
