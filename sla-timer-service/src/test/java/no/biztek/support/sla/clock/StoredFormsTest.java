package no.biztek.support.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.file.PolicyFile;

/** The stored clock and the timer index key keep what they hold, and the index sorts by time. */
class StoredFormsTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00.123Z"); // Monday 09:00 in Oslo
    private static final String POLICY = "biztek-2020-01";

    private final SlaClockSerde serde = new SlaClockSerde();
    private final PolicyHistory policies = PolicyFile.defaultPolicy();

    @Test
    void clockSurvivesItsStoredForm() {
        TicketFacts facts = TicketFacts.openedBy(new Fact(Fact.Kind.OPENED, "e-1", OPENED, 0, Severity.SERIOUS, null))
                .with(new Fact(Fact.Kind.SEVERITY_CHANGED, "e-2", OPENED.plusSeconds(60), 1, Severity.CRITICAL,
                        "IMPACT_REASSESSED"))
                .with(new Fact(Fact.Kind.RESPONDED, "e-3", OPENED.plusSeconds(7200), -1, null, "per@biztek.no"))
                .with(new Fact(Fact.Kind.RESOLVED, "e-4", OPENED.plusSeconds(9000), 3, null, null));
        SlaClock clock = new SlaClock("t-1", "c-1", POLICY, facts,
                new Announcement(ClockState.BREACHED, Severity.CRITICAL, OPENED.plusSeconds(3600), null, "v-1", 2,
                        List.of("50@1772441400123", "75@1772442300123")),
                Instant.parse("2026-04-01T12:00:00Z"));

        byte[] stored = serde.serializer().serialize("any", clock);

        assertThat(serde.deserializer().deserialize("any", stored)).isEqualTo(clock);
    }

    @Test
    void clockStoredInTheSecondFormatIsReadAsTheFactsThatGiveItsState() {
        Instant dueAt = Instant.parse("2026-03-02T12:00:00.123Z");
        Instant respondedAt = Instant.parse("2026-03-02T12:30:00Z");
        byte[] format2 = legacy(2, "BREACHED", Severity.SERIOUS, dueAt, respondedAt, "per@biztek.no", dueAt, null,
                List.of(50, 75), Instant.parse("2026-04-01T12:00:00Z"), List.of("opened-1", "responded-1"));

        SlaClock clock = serde.deserializer().deserialize("any", format2);

        assertThat(clock.facts().opened()).isEqualTo(new Fact(Fact.Kind.OPENED, "opened-1", OPENED, 0,
                Severity.SERIOUS, null));
        assertThat(clock.facts().lifecycle()).singleElement().satisfies(fact -> {
            assertThat(fact.kind()).isEqualTo(Fact.Kind.RESPONDED);
            assertThat(fact.at()).isEqualTo(respondedAt);
            assertThat(fact.detail()).isEqualTo("per@biztek.no");
        });
        assertThat(clock.announced().state()).isEqualTo(ClockState.BREACHED);
        assertThat(clock.announced().verdictEventId()).as("the id earlier versions gave the breach")
                .isEqualTo(UUID.nameUUIDFromBytes(("sla-timer|t-1|breached|").getBytes(StandardCharsets.UTF_8))
                        .toString());
        assertThat(clock.announced().hasWarned(Announcement.warningKey(75, dueAt))).isTrue();
        assertThat(clock.timerAt()).isEqualTo(Instant.parse("2026-04-01T12:00:00Z"));
        ClockReading reading = new ClockReader(policies).read(clock, Instant.parse("2026-03-03T12:00:00Z"));
        assertThat(reading.state()).isEqualTo(ClockState.BREACHED);
        assertThat(reading.dueAt()).isEqualTo(dueAt);
    }

    @Test
    void stoppedClockStoredInTheFirstFormatIsReadAsResolved() {
        Instant dueAt = Instant.parse("2026-03-02T12:00:00.123Z");
        Instant resolvedAt = Instant.parse("2026-03-02T09:00:00Z");
        byte[] format1 = legacy(1, "STOPPED", Severity.SERIOUS, dueAt, null, null, resolvedAt, resolvedAt,
                List.of(), Instant.parse("2026-04-01T09:00:00Z"), List.of("opened-1"));

        SlaClock clock = serde.deserializer().deserialize("any", format1);

        ClockReading reading = new ClockReader(policies).read(clock, Instant.parse("2026-03-03T12:00:00Z"));
        assertThat(reading.state()).isEqualTo(ClockState.STOPPED);
        assertThat(reading.pausedAt()).isEqualTo(resolvedAt);
        assertThat(reading.businessMinutesUsed()).as("09:00:00.123 to 10:00, whole minutes").isEqualTo(59);
        assertThat(clock.announced().state()).isEqualTo(ClockState.STOPPED);
    }

    @Test
    void unknownStoredFormatIsASerializationException() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("any", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void factsKeepEventTimeOrderWhateverOrderTheyAreAddedIn() {
        Fact opened = new Fact(Fact.Kind.OPENED, "o", OPENED, 0, Severity.CRITICAL, null);
        Fact resolved = new Fact(Fact.Kind.RESOLVED, "r", OPENED.plusSeconds(60), 2, null, null);
        Fact reopened = new Fact(Fact.Kind.REOPENED, "ro", OPENED.plusSeconds(60), 3, null, null);
        Fact change = new Fact(Fact.Kind.SEVERITY_CHANGED, "c", OPENED.plusSeconds(30), 1, Severity.SERIOUS, "OTHER");

        TicketFacts facts = TicketFacts.openedBy(opened).with(reopened).with(change).with(resolved);

        assertThat(facts.lifecycle()).containsExactly(change, resolved, reopened);
        assertThat(facts.contains("ro")).isTrue();
        assertThat(facts.contains("o")).isTrue();
        assertThat(facts.contains("x")).isFalse();
    }

    /** A clock as formats 1 and 2 stored it (format 2 adds the consultant after respondedAt). */
    private static byte[] legacy(int format, String state, Severity severity, Instant dueAt, Instant respondedAt,
                                 String respondedBy, Instant verdictAt, Instant resolvedAt, List<Integer> warned,
                                 Instant timerAt, List<String> seen) {
        ByteBuffer out = ByteBuffer.allocate(1024);
        out.put((byte) format);
        put(out, "t-1");
        put(out, "c-1");
        put(out, POLICY);
        out.put((byte) severity.level());
        out.putLong(OPENED.toEpochMilli());
        out.putLong(dueAt.toEpochMilli());
        out.put((byte) List.of("RUNNING", "MET", "BREACHED", "STOPPED").indexOf(state));
        out.putLong(respondedAt == null ? Long.MIN_VALUE : respondedAt.toEpochMilli());
        if (format >= 2) {
            out.put((byte) (respondedBy == null ? 0 : 1));
            if (respondedBy != null) {
                put(out, respondedBy);
            }
        }
        out.putLong(verdictAt == null ? Long.MIN_VALUE : verdictAt.toEpochMilli());
        out.putLong(resolvedAt == null ? Long.MIN_VALUE : resolvedAt.toEpochMilli());
        out.putLong(timerAt == null ? Long.MIN_VALUE : timerAt.toEpochMilli());
        out.put((byte) warned.size());
        warned.forEach(threshold -> out.put(threshold.byteValue()));
        out.putShort((short) seen.size());
        seen.forEach(id -> put(out, id));
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    private static void put(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) bytes.length);
        out.put(bytes);
    }
}
