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
 * Stored form of an {@link SlaClock}: a compact binary record (format byte, then the fields in order; texts
 * as 2-byte length + UTF-8, instants as epoch millis, absent values as {@link Long#MIN_VALUE} or a zero
 * presence byte). Internal to this service; a new format gets a new format byte and this serde keeps reading
 * the old ones. Format 3 keeps the ticket's facts and the first-response clock; format 4 is format 3 followed by
 * the resolution clock (its announcement and timer), written only for clocks that measure resolution, so a clock
 * measuring first response alone is stored exactly as before. Format 5 (written only while a metric is announced
 * paused for a hold) is format 3, a presence byte and the resolution clock when present, then each metric's announced
 * pause reason (optional texts). Clocks stored in formats 1 and 2 (a state, no facts)
 * are read by {@link LegacyClockFormat}.
 */
public final class SlaClockSerde implements Serde<SlaClock> {

    static final byte FORMAT_3 = 3;
    static final byte FORMAT_4 = 4;
    static final byte FORMAT_5 = 5;
    static final long NONE = Long.MIN_VALUE;

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
        Writer out = new Writer();
        boolean held = clock.announced().isHeld()
                || clock.resolution() != null && clock.resolution().announced().isHeld();
        out.putByte(held ? FORMAT_5 : clock.resolution() == null ? FORMAT_3 : FORMAT_4);
        out.putString(clock.ticketId());
        out.putString(clock.customerId());
        out.putString(clock.policyVersion());
        putFact(out, clock.facts().opened());
        out.putShort(clock.facts().lifecycle().size());
        for (Fact fact : clock.facts().lifecycle()) {
            putFact(out, fact);
        }
        putAnnouncement(out, clock.announced());
        out.putInstant(clock.timerAt());
        if (held) {
            out.putByte(clock.resolution() == null ? 0 : 1);
        }
        if (clock.resolution() != null) {
            putAnnouncement(out, clock.resolution().announced());
            out.putInstant(clock.resolution().timerAt());
        }
        if (held) {
            out.putOptionalString(clock.announced().pauseReason());
            if (clock.resolution() != null) {
                out.putOptionalString(clock.resolution().announced().pauseReason());
            }
        }
        return out.toBytes();
    }

    private static void putAnnouncement(Writer out, Announcement announced) {
        out.putByte(announced.state().ordinal());
        out.putByte(announced.severity().level());
        out.putLong(announced.dueAt().toEpochMilli());
        out.putInstant(announced.respondedAt());
        out.putOptionalString(announced.verdictEventId());
        out.putInt(announced.verdicts());
        out.putByte(announced.warned().size());
        for (String key : announced.warned()) {
            out.putString(key);
        }
    }

    private static Announcement readAnnouncement(ByteBuffer in) {
        ClockState state = ClockState.values()[in.get()];
        Severity severity = Severity.ofLevel(in.get());
        Instant dueAt = Instant.ofEpochMilli(in.getLong());
        Instant respondedAt = getInstant(in);
        String verdictEventId = getOptionalString(in);
        int verdicts = in.getInt();
        int warnedCount = Byte.toUnsignedInt(in.get());
        List<String> warned = new ArrayList<>(warnedCount);
        for (int i = 0; i < warnedCount; i++) {
            warned.add(getString(in));
        }
        return new Announcement(state, severity, dueAt, respondedAt, verdictEventId, verdicts, warned);
    }

    static SlaClock read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte format = in.get();
            if (format == LegacyClockFormat.FORMAT_1 || format == LegacyClockFormat.FORMAT_2) {
                return LegacyClockFormat.read(in, format);
            }
            if (format != FORMAT_3 && format != FORMAT_4 && format != FORMAT_5) {
                throw new SerializationException("unknown SLA clock format " + format);
            }
            String ticketId = getString(in);
            String customerId = getString(in);
            String policyVersion = getString(in);
            Fact opened = readFact(in);
            int count = Short.toUnsignedInt(in.getShort());
            List<Fact> lifecycle = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                lifecycle.add(readFact(in));
            }
            Announcement announced = readAnnouncement(in);
            Instant timerAt = getInstant(in);
            // a clock stored before resolution was measured (format 3) goes on measuring first response alone
            boolean hasResolution = format == FORMAT_4 || format == FORMAT_5 && in.get() != 0;
            MetricClock resolution = hasResolution ? new MetricClock(readAnnouncement(in), getInstant(in)) : null;
            if (format == FORMAT_5) {
                announced = announced.pausedFor(getOptionalString(in));
                if (resolution != null) {
                    resolution = new MetricClock(resolution.announced().pausedFor(getOptionalString(in)),
                            resolution.timerAt());
                }
            }
            return new SlaClock(ticketId, customerId, policyVersion, new TicketFacts(opened, lifecycle), announced,
                    timerAt, resolution);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("cannot read stored SLA clock: " + e, e);
        }
    }

    private static void putFact(Writer out, Fact fact) {
        out.putByte(fact.kind().ordinal());
        out.putString(fact.eventId());
        out.putLong(fact.at().toEpochMilli());
        out.putInt(fact.sequence());
        out.putByte(fact.severity() == null ? 0 : fact.severity().level());
        out.putOptionalString(fact.detail());
    }

    private static Fact readFact(ByteBuffer in) {
        Fact.Kind kind = Fact.Kind.values()[in.get()];
        String eventId = getString(in);
        Instant at = Instant.ofEpochMilli(in.getLong());
        int sequence = in.getInt();
        byte level = in.get();
        return new Fact(kind, eventId, at, sequence, level == 0 ? null : Severity.ofLevel(level),
                getOptionalString(in));
    }

    static String getString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static String getOptionalString(ByteBuffer in) {
        return in.get() == 0 ? null : getString(in);
    }

    static Instant getInstant(ByteBuffer in) {
        long millis = in.getLong();
        return millis == NONE ? null : Instant.ofEpochMilli(millis);
    }

    /** A growing big-endian byte buffer (unsynchronized, unlike the java.io streams: this is the hot path). */
    private static final class Writer {

        private ByteBuffer buffer = ByteBuffer.allocate(512);

        void putByte(int value) {
            ensure(1).put((byte) value);
        }

        void putShort(int value) {
            ensure(2).putShort((short) value);
        }

        void putInt(int value) {
            ensure(4).putInt(value);
        }

        void putLong(long value) {
            ensure(8).putLong(value);
        }

        void putInstant(Instant instant) {
            putLong(instant == null ? NONE : instant.toEpochMilli());
        }

        void putString(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0xFFFF) {
                throw new SerializationException("text of " + bytes.length + " bytes is too long to store in a clock");
            }
            ensure(2 + bytes.length).putShort((short) bytes.length).put(bytes);
        }

        void putOptionalString(String text) {
            putByte(text == null ? 0 : 1);
            if (text != null) {
                putString(text);
            }
        }

        private ByteBuffer ensure(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
            }
            return buffer;
        }

        byte[] toBytes() {
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }
}
