package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.paging.TestPaging.DINA;
import static no.biztek.support.escalation.paging.TestPaging.KARI;
import static no.biztek.support.escalation.paging.TestPaging.NORA;
import static no.biztek.support.escalation.paging.TestPaging.OLA;
import static no.biztek.support.escalation.schedule.TestSchedule.HANDOVER;
import static no.biztek.support.escalation.schedule.TestSchedule.NIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.schedule.Shifts.Shift;

class ShiftsTest {

    private static final Instant WEEK_START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant TWO_WEEKS_LATER = Instant.parse("2026-03-16T08:00:00Z");

    @Test
    void theRotationGivesEveryLevelItsWeeklyShifts() {
        List<Shift> shifts = TestSchedule.shifts().shifts(WEEK_START, TWO_WEEKS_LATER);

        assertThat(shifts).containsExactly(
                new Shift(1, "on-call engineer", NORA, WEEK_START, HANDOVER, null),
                new Shift(1, "on-call engineer", KARI, HANDOVER, TWO_WEEKS_LATER, null),
                new Shift(2, "secondary", KARI, WEEK_START, HANDOVER, null),
                new Shift(2, "secondary", OLA, HANDOVER, TWO_WEEKS_LATER, null),
                new Shift(3, "duty manager", DINA, WEEK_START, TWO_WEEKS_LATER, null));
    }

    @Test
    void anOverrideCutsTheShiftItCoversAndNamesItself() {
        Instant from = NIGHT.plus(Duration.ofHours(8));
        Instant to = from.plus(Duration.ofHours(4));
        Shifts shifts = TestSchedule.shifts(TestSchedule.cover("swap-1", 0, OLA, from, to));

        assertThat(shifts.shifts(NIGHT, HANDOVER)).filteredOn(s -> s.level() == 1).containsExactly(
                new Shift(1, "on-call engineer", NORA, NIGHT, from, null),
                new Shift(1, "on-call engineer", OLA, from, to, "swap-1"),
                new Shift(1, "on-call engineer", NORA, to, HANDOVER, null));
        assertThat(shifts.shifts(NIGHT, HANDOVER)).filteredOn(s -> s.level() == 2)
                .as("the secondary is the next in rotation who is not on call: Kari, never Ola twice")
                .extracting(Shift::engineer).containsOnly(KARI);
    }

    @Test
    void aCoverOfTheSecondaryChangesOnlyTheSecondary() {
        Shifts shifts = TestSchedule.shifts(TestSchedule.cover("cover-2", 1, OLA, NIGHT, NIGHT.plusSeconds(3600)));

        assertThat(shifts.ladder(NIGHT)).containsExactly(NORA, OLA, DINA);
        assertThat(shifts.ladder(NIGHT.plusSeconds(3600))).containsExactly(NORA, KARI, DINA);
    }

    @Test
    void theLastOverrideOfAPositionWins() {
        Shifts shifts = TestSchedule.shifts(TestSchedule.cover("a", 0, OLA, NIGHT, HANDOVER),
                TestSchedule.cover("b", 0, KARI, NIGHT, NIGHT.plusSeconds(60)));

        assertThat(shifts.at(NIGHT, 1)).isEqualTo(KARI);
        assertThat(shifts.at(NIGHT.plusSeconds(60), 1)).isEqualTo(OLA);
    }

    @Test
    void handoversStayAtNineInTheMorningAcrossTheSwitchToSummerTime() {
        // summer time starts on Sunday 29 March 2026: 09:00 is 08:00Z before and 07:00Z after
        assertThat(TestSchedule.shifts().handovers(Instant.parse("2026-03-20T00:00:00Z"),
                Instant.parse("2026-04-07T00:00:00Z")))
                .containsExactly(Instant.parse("2026-03-23T08:00:00Z"), Instant.parse("2026-03-30T07:00:00Z"),
                        Instant.parse("2026-04-06T07:00:00Z"));
    }

    @Test
    void aPeriodStartingAtAHandoverDoesNotCountItTwice() {
        assertThat(TestSchedule.shifts().handovers(HANDOVER, HANDOVER.plus(Duration.ofDays(7)))).isEmpty();
        assertThat(TestSchedule.shifts().segments(HANDOVER, HANDOVER.plus(Duration.ofDays(7)))).hasSize(1);
    }
}
