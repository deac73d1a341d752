package no.biztek.support.escalation.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The weekly rotation (Kari, Ola, Nora from Monday 5 January 2026, handover Mondays 09:00 Oslo). */
class OnCallScheduleTest {

    private final OnCallSchedule schedule = new OnCallSchedule(TestPaging.properties().schedule());

    private static Instant oslo(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Oslo")).toInstant();
    }

    @Test
    void theRotationHandsOverOnMondaysAtNine() {
        assertThat(schedule.onCall(oslo("2026-01-05T09:00"), 0)).isEqualTo(TestPaging.KARI);
        assertThat(schedule.onCall(oslo("2026-01-12T08:59"), 0)).isEqualTo(TestPaging.KARI);
        assertThat(schedule.onCall(oslo("2026-01-12T09:00"), 0)).isEqualTo(TestPaging.OLA);
        assertThat(schedule.onCall(oslo("2026-01-21T03:00"), 0)).isEqualTo(TestPaging.NORA);
        assertThat(schedule.onCall(oslo("2026-01-26T09:00"), 0)).isEqualTo(TestPaging.KARI);
    }

    @Test
    void theSecondaryIsTheNextInTheRotation() {
        assertThat(schedule.onCall(oslo("2026-01-21T03:00"), 1)).isEqualTo(TestPaging.KARI);
        assertThat(schedule.onCall(oslo("2026-01-06T03:00"), 2)).isEqualTo(TestPaging.NORA);
    }

    @Test
    void theHandoverStaysAtNineLocalTimeAcrossDaylightSaving() {
        // summer time begins Sunday 29 March 2026; the Monday 30 March handover is at 09:00 CEST
        assertThat(schedule.onCall(oslo("2026-03-30T08:59"), 0)).isEqualTo(schedule.onCall(oslo("2026-03-29T12:00"), 0));
        assertThat(schedule.onCall(oslo("2026-03-30T09:00"), 0)).isNotEqualTo(schedule.onCall(oslo("2026-03-30T08:59"), 0));
    }

    @Test
    void beforeTheRotationStartedItRunsBackwards() {
        assertThat(schedule.onCall(oslo("2026-01-05T08:59"), 0)).isEqualTo(TestPaging.NORA);
    }

    @Test
    void anOverrideReplacesOnlyTheEngineerOnCallAndOnlyForItsPeriod() {
        Instant during = oslo("2026-04-01T12:00");
        assertThat(schedule.onCall(during, 0)).isEqualTo(TestPaging.SUBSTITUTE);
        assertThat(schedule.onCall(during, 1)).isNotEqualTo(TestPaging.SUBSTITUTE);
        assertThat(schedule.onCall(oslo("2026-04-03T00:00"), 0)).isNotEqualTo(TestPaging.SUBSTITUTE);
        assertThat(schedule.onCall(oslo("2026-03-31T23:59"), 0)).isNotEqualTo(TestPaging.SUBSTITUTE);
    }
}
