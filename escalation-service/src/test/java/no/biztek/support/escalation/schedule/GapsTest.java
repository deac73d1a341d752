package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.paging.TestPaging.KARI;
import static no.biztek.support.escalation.paging.TestPaging.NORA;
import static no.biztek.support.escalation.paging.TestPaging.OLA;
import static no.biztek.support.escalation.schedule.TestSchedule.HANDOVER;
import static no.biztek.support.escalation.schedule.TestSchedule.LEVELS;
import static no.biztek.support.escalation.schedule.TestSchedule.NIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.TestPaging;

class GapsTest {

    private static final Instant LATER = NIGHT.plus(Duration.ofHours(6));

    @Test
    void theRotationOfThreeHasNoGap() {
        assertThat(Gaps.of(TestSchedule.shifts(), NIGHT, NIGHT.plus(Duration.ofDays(28)))).isEmpty();
    }

    @Test
    void theOnCallEngineerCoveringTheSecondaryIsAGapOfTheSecondary() {
        Shifts shifts = TestSchedule.shifts(TestSchedule.cover("c", 1, NORA, NIGHT, LATER));

        assertThat(Gaps.of(shifts, NIGHT.minusSeconds(3600), HANDOVER))
                .containsExactly(new Gaps.Gap(2, "secondary", NIGHT, LATER, NORA, 1));
    }

    @Test
    void theSecondaryCoveringTheOnCallEngineerIsNoGap() {
        // Kari covers Nora: the secondary becomes the next in rotation who is not on call (Ola)
        Shifts shifts = TestSchedule.shifts(TestSchedule.cover("c", 0, KARI, NIGHT, LATER));

        assertThat(Gaps.of(shifts, NIGHT, HANDOVER)).isEmpty();
        assertThat(shifts.ladder(NIGHT)).startsWith(KARI, OLA);
    }

    @Test
    void aRotationOfOneHasAGapAtTheSecondaryAllTheTime() {
        Shifts alone = new Shifts(new PagingProperties.Schedule(TestPaging.properties().schedule().zone(),
                java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(9, 0), java.time.LocalDate.of(2026, 1, 5),
                List.of(KARI), List.of()), List.of(), LEVELS);

        assertThat(Gaps.of(alone, NIGHT, HANDOVER)).singleElement()
                .isEqualTo(new Gaps.Gap(2, "secondary", NIGHT, HANDOVER, KARI, 1));
        assertThat(Gaps.countsAhead(alone, NIGHT, Duration.ofDays(7))).isEqualTo(Map.of(1, 0, 2, 1, 3, 0));
    }

    @Test
    void onlyTheGapsAChangeAddsAreIntroducedByIt() {
        Gaps.Gap before = new Gaps.Gap(2, "secondary", NIGHT, LATER, NORA, 1);
        Gaps.Gap after = new Gaps.Gap(2, "secondary", NIGHT.minusSeconds(60), LATER.plusSeconds(60), NORA, 1);
        Gaps.Gap elsewhere = new Gaps.Gap(3, "duty manager", NIGHT, LATER, NORA, 1);

        assertThat(Gaps.introduced(List.of(before), List.of(before))).isEmpty();
        assertThat(Gaps.introduced(List.of(before), List.of(after, elsewhere))).containsExactly(
                new Gaps.Gap(2, "secondary", NIGHT.minusSeconds(60), NIGHT, NORA, 1),
                new Gaps.Gap(2, "secondary", LATER, LATER.plusSeconds(60), NORA, 1),
                elsewhere);
    }

    @Test
    void theMetricCountsGapsInProgressAndStartingWithinTheHorizonOnly() {
        Shifts shifts = TestSchedule.shifts(TestSchedule.cover("now", 1, NORA, NIGHT.minusSeconds(60), LATER),
                TestSchedule.cover("in-6-days", 1, NORA, NIGHT.plus(Duration.ofDays(6)),
                        NIGHT.plus(Duration.ofDays(6)).plusSeconds(60)),
                TestSchedule.cover("in-8-days", 1, KARI, NIGHT.plus(Duration.ofDays(8)),
                        NIGHT.plus(Duration.ofDays(8)).plusSeconds(60)));

        assertThat(Gaps.countsAhead(shifts, NIGHT, Duration.ofDays(7))).isEqualTo(Map.of(1, 0, 2, 2, 3, 0));
        assertThat(Optional.of(Gaps.countsAhead(shifts, NIGHT, Duration.ofDays(9)).get(2))).contains(3);
    }
}
