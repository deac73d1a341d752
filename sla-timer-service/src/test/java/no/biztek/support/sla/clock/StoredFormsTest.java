package no.biztek.support.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

import no.biztek.support.policy.Severity;

/** The stored clock and the timer index key keep what they hold, and the index sorts by time. */
class StoredFormsTest {

    private final SlaClockSerde serde = new SlaClockSerde();

    @Test
    void clockSurvivesItsStoredForm() {
        SlaClock clock = new SlaClock("t-1", "c-1", "biztek-2020-01", Severity.SERIOUS,
                Instant.parse("2026-03-02T08:00:00.123Z"), Instant.parse("2026-03-02T12:00:00.123Z"), ClockState.BREACHED,
                Instant.parse("2026-03-02T12:30:00Z"), "per@biztek.no", Instant.parse("2026-03-02T12:00:00.123Z"), null,
                List.of(50, 75),
                Instant.parse("2026-04-01T12:00:00Z"), List.of("e-1", "e-2"));

        byte[] stored = serde.serializer().serialize("any", clock);

        assertThat(serde.deserializer().deserialize("any", stored)).isEqualTo(clock);
    }

    @Test
    void clockStoredInTheFirstFormatIsStillRead() {
        SlaClock clock = new SlaClock("t-1", "c-1", "biztek-2020-01", Severity.SERIOUS,
                Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T12:00:00Z"), ClockState.STOPPED,
                Instant.parse("2026-03-02T09:30:00Z"), null, Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-02T09:00:00Z"), List.of(), Instant.parse("2026-04-01T09:00:00Z"), List.of("e-1"));
        byte[] format2 = serde.serializer().serialize("any", clock);
        // format 1 is format 2 without the consultant's presence byte, which follows respondedAt
        int presenceByte = 1 + (2 + 3) + (2 + 3) + (2 + 14) + 1 + 8 + 8 + 1 + 8;
        byte[] format1 = new byte[format2.length - 1];
        System.arraycopy(format2, 0, format1, 0, presenceByte);
        System.arraycopy(format2, presenceByte + 1, format1, presenceByte, format2.length - presenceByte - 1);
        format1[0] = 1;

        assertThat(format2[presenceByte]).isZero();
        assertThat(serde.deserializer().deserialize("any", format1)).isEqualTo(clock);
    }

    @Test
    void unknownStoredFormatIsASerializationException() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("any", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void seenEventIdsAreBounded() {
        SlaClock.Builder builder = SlaClock.started("t-1", "c-1", "v", Severity.CRITICAL, Instant.EPOCH,
                Instant.EPOCH.plusSeconds(3600), "opened").toBuilder();
        for (int i = 0; i < 100; i++) {
            builder.seen("e-" + i);
        }
        SlaClock clock = builder.build();

        assertThat(clock.seenEventIds()).hasSize(SlaClock.SEEN_EVENT_IDS).contains("e-99").doesNotContain("opened");
    }

    @Test
    void timerKeysSortByDueTimeThenTicket() {
        List<Bytes> keys = new ArrayList<>(List.of(
                new TimerKey(Instant.parse("2026-03-02T10:00:00Z"), "b").encode(),
                new TimerKey(Instant.parse("2026-03-02T09:00:00Z"), "zzz").encode(),
                new TimerKey(Instant.parse("2026-03-02T10:00:00Z"), "a").encode(),
                new TimerKey(Instant.parse("2099-01-01T00:00:00Z"), "a").encode()));

        keys.sort(null);

        assertThat(keys).extracting(TimerKey::decode).containsExactly(
                new TimerKey(Instant.parse("2026-03-02T09:00:00Z"), "zzz"),
                new TimerKey(Instant.parse("2026-03-02T10:00:00Z"), "a"),
                new TimerKey(Instant.parse("2026-03-02T10:00:00Z"), "b"),
                new TimerKey(Instant.parse("2099-01-01T00:00:00Z"), "a"));
        Bytes upper = TimerKey.lowestAt(Instant.parse("2026-03-02T10:00:00Z").toEpochMilli() + 1);
        assertThat(keys.stream().filter(k -> k.compareTo(upper) < 0)).hasSize(3);
        assertThat(TimerKey.successor(keys.get(0)).compareTo(keys.get(0))).isPositive();
        assertThat(TimerKey.successor(keys.get(0)).compareTo(keys.get(1))).isNegative();
    }
}
