package no.biztek.support.escalation.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.biztek.support.escalation.paging.PagingProperties.Engineer;

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
    void aCoverOfTheSecondaryNamesTheSecondaryOnlyAndFollowsTheScheduleInForce() {
        var base = TestPaging.properties().schedule();
        var cover = new PagingProperties.Override(OffsetDateTime.parse("2026-01-21T00:00:00+01:00"),
                OffsetDateTime.parse("2026-01-22T00:00:00+01:00"), TestPaging.OLA, 1);
        var covered = new PagingProperties.Schedule(base.zone(), base.handoverDay(), base.handoverTime(),
                base.rotationStart(), base.rotation(), List.of(cover));
        var inForce = new java.util.concurrent.atomic.AtomicReference<>(base);
        OnCallSchedule changing = new OnCallSchedule(inForce::get);

        assertThat(changing.onCall(oslo("2026-01-21T03:00"), 1)).isEqualTo(TestPaging.KARI);
        inForce.set(covered);
        assertThat(changing.onCall(oslo("2026-01-21T03:00"), 0)).isEqualTo(TestPaging.NORA);
        assertThat(changing.onCall(oslo("2026-01-21T03:00"), 1)).isEqualTo(TestPaging.OLA);
        assertThat(changing.onCall(oslo("2026-01-22T00:00"), 1)).isEqualTo(TestPaging.KARI);
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

    private static final Map<String, Engineer> PEOPLE = Map.of("Kari", TestPaging.KARI, "Ola", TestPaging.OLA,
            "Nora", TestPaging.NORA, "Siri", TestPaging.SUBSTITUTE);

    /**
     * Rotation from Monday 5 January 2026 (the first name's week, handover Mondays 09:00); the override, when named,
     * runs from Tuesday 6 January 00:00 to Thursday 8 January 00:00 (Oslo). Asked at Wednesday 7 January 03:00:
     * offset 0 is the engineer on call (the override wins), offset n the n-th next rotation engineer who is not
     * the engineer on call.
     */
    @ParameterizedTest(name = "rotation {0}, override {1}: offset {2} pages {3}")
    @CsvSource({
            // no override: the rotation as it is
            "Kari Ola,      -,    0, Kari",
            "Kari Ola,      -,    1, Ola",
            "Kari Ola Nora, -,    2, Nora",
            // a swap: Ola takes Kari's week; the secondary is Kari, not Ola twice
            "Kari Ola,      Ola,  0, Ola",
            "Kari Ola,      Ola,  1, Kari",
            "Kari Ola Nora, Ola,  1, Nora",
            "Kari Ola Nora, Ola,  2, Kari",
            // the override names someone outside the rotation: the secondary is still the next in the rotation
            "Kari Ola,      Siri, 0, Siri",
            "Kari Ola,      Siri, 1, Ola",
            "Kari Ola,      Siri, 2, Kari",
            // the override names the week's own engineer: nothing changes
            "Kari Ola,      Kari, 1, Ola",
            // a rotation of one: nobody else, so the one engineer on call is paged again (never nobody)
            "Kari,          -,    0, Kari",
            "Kari,          -,    1, Kari",
            "Kari,          Siri, 1, Kari",
            // more offsets than other engineers wrap round the others
            "Kari Ola,      -,    2, Ola",
    })
    void theSecondaryIsTheNextRotationEngineerWhoIsNotOnCall(String rotation, String override, int offset,
                                                            String expected) {
        List<Engineer> engineers = Arrays.stream(rotation.trim().split("\\s+")).map(PEOPLE::get).toList();
        List<PagingProperties.Override> overrides = "-".equals(override) ? List.of()
                : List.of(new PagingProperties.Override(OffsetDateTime.parse("2026-01-06T00:00:00+01:00"),
                        OffsetDateTime.parse("2026-01-08T00:00:00+01:00"), PEOPLE.get(override)));
        OnCallSchedule table = new OnCallSchedule(new PagingProperties.Schedule(ZoneId.of("Europe/Oslo"),
                DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalDate.of(2026, 1, 5), engineers, overrides));

        assertThat(table.onCall(oslo("2026-01-07T03:00"), offset)).isEqualTo(PEOPLE.get(expected));
    }
}
