package no.biztek.support.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.Severity;

/** The stored clock with a resolution clock (format 4), and a clock stored by the previous version (format 3). */
class ResolutionStoredFormTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Fact OPENING = new Fact(Fact.Kind.OPENED, "e-1", OPENED, 0, Severity.SERIOUS, null);
    private static final Announcement RUNNING = new Announcement(ClockState.RUNNING, Severity.SERIOUS,
            Instant.parse("2026-03-02T12:00:00Z"), null, null, 0, List.of("50@1772445600000"));

    /** A running clock as the version before resolution clocks stored it (format 3). */
    private static final String PREVIOUS = "030003742d310003632d31000e62697a74656b2d323032302d3031000003652d310000"
            + "019cad8fac00000000000200000000020000019cae6b660080000000000000000000000000010010353040313737323434353630"
            + "303030300000019cadfd8900";

    @Test
    void aClockMeasuringFirstResponseAloneIsStoredAsThePreviousVersionStoredIt() {
        SlaClock clock = new SlaClock("t-1", "c-1", "biztek-2020-01", TicketFacts.openedBy(OPENING), RUNNING,
                Instant.parse("2026-03-02T10:00:00Z"));

        byte[] stored = SlaClockSerde.write(clock);

        assertThat(stored[0]).isEqualTo(SlaClockSerde.FORMAT_3);
        assertThat(SlaClockSerde.read(stored)).isEqualTo(clock);
    }

    @Test
    void aClockStoredByThePreviousVersionIsReadAsMeasuringFirstResponseAlone() {
        // written by the version before resolution clocks (format 3), byte for byte
        byte[] format3 = HexFormat.of().parseHex(PREVIOUS);
        SlaClock expected = new SlaClock("t-1", "c-1", "biztek-2020-01", TicketFacts.openedBy(OPENING), RUNNING,
                Instant.parse("2026-03-02T10:00:00Z"));

        SlaClock read = SlaClockSerde.read(format3);

        assertThat(read.resolution()).isNull();
        assertThat(read.metrics()).containsExactly(Metric.FIRST_RESPONSE);
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void aClockMeasuringResolutionKeepsItsAnnouncementAndTimer() {
        MetricClock resolution = new MetricClock(new Announcement(ClockState.MET, Severity.SERIOUS,
                Instant.parse("2026-03-03T15:00:00Z"), Instant.parse("2026-03-02T14:00:00Z"), "met-1", 1, List.of()),
                Instant.parse("2026-04-01T14:00:00Z"));
        SlaClock clock = new SlaClock("t-1", "c-1", "resolution-2020-01", TicketFacts.openedBy(OPENING), RUNNING,
                Instant.parse("2026-03-02T10:00:00Z"), resolution);

        byte[] stored = SlaClockSerde.write(clock);

        assertThat(stored[0]).isEqualTo(SlaClockSerde.FORMAT_4);
        assertThat(SlaClockSerde.read(stored)).isEqualTo(clock);
        assertThat(SlaClockSerde.read(stored).metrics()).containsExactly(Metric.FIRST_RESPONSE, Metric.RESOLUTION);
    }
}
