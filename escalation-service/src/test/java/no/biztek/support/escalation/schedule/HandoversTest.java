package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.paging.TestPaging.KARI;
import static no.biztek.support.escalation.paging.TestPaging.NORA;
import static no.biztek.support.escalation.paging.TestPaging.OLA;
import static no.biztek.support.escalation.schedule.TestSchedule.HANDOVER;
import static no.biztek.support.escalation.schedule.TestSchedule.NIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class HandoversTest {

    @Test
    void theWeeklyHandoverGoesToTheNextEngineerForTheirWeek() {
        assertThat(Handovers.between(TestSchedule.shifts(), HANDOVER.minusSeconds(30), HANDOVER)).containsExactly(
                new Handovers.Handover(HANDOVER, KARI, "on-call engineer", HANDOVER.plus(Duration.ofDays(7))));
    }

    @Test
    void nothingIsHandedOverBeforeItsTimeOrTwice() {
        assertThat(Handovers.between(TestSchedule.shifts(), HANDOVER.minusSeconds(60), HANDOVER.minusMillis(1)))
                .isEmpty();
        assertThat(Handovers.between(TestSchedule.shifts(), HANDOVER, HANDOVER.plusSeconds(60))).isEmpty();
    }

    @Test
    void anOverrideStartingAndEndingHandsOverBothWays() {
        Instant from = NIGHT.plus(Duration.ofHours(1));
        Instant to = NIGHT.plus(Duration.ofHours(3));
        Shifts shifts = TestSchedule.shifts(TestSchedule.cover("swap", 0, OLA, from, to));

        assertThat(Handovers.between(shifts, NIGHT, NIGHT.plus(Duration.ofHours(4)))).containsExactly(
                new Handovers.Handover(from, OLA, "on-call engineer", to),
                new Handovers.Handover(to, NORA, "on-call engineer", HANDOVER));
    }

    @Test
    void anOverrideNamingTheEngineerAlreadyOnCallHandsNothingOver() {
        Shifts shifts = TestSchedule.shifts(TestSchedule.cover("same", 0, NORA, NIGHT, NIGHT.plusSeconds(3600)));

        assertThat(Handovers.between(shifts, NIGHT.minusSeconds(60), NIGHT.plusSeconds(7200))).isEmpty();
    }
}
