package no.biztek.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void testsMoveItAndEveryViewOfItMovesAlong() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        Clock oslo = clock.withZone(ZoneId.of("Europe/Oslo"));

        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T09:30:00Z"));
        assertThat(oslo.instant()).isEqualTo(clock.instant());
        assertThat(oslo.getZone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);

        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(oslo.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
