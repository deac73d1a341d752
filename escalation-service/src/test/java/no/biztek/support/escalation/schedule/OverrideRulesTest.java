package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.paging.TestPaging.KARI;
import static no.biztek.support.escalation.paging.TestPaging.NORA;
import static no.biztek.support.escalation.paging.TestPaging.OLA;
import static no.biztek.support.escalation.schedule.TestSchedule.LEVELS;
import static no.biztek.support.escalation.schedule.TestSchedule.NIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.schedule.OverrideRules.Accepted;
import no.biztek.support.escalation.schedule.OverrideRules.Conflict;
import no.biztek.support.escalation.schedule.OverrideRules.Invalid;
import no.biztek.support.escalation.schedule.OverrideRules.NotFound;
import no.biztek.support.escalation.schedule.OverrideRules.Problem;
import no.biztek.support.escalation.schedule.OverrideRules.Request;

class OverrideRulesTest {

    private static final Instant NOW = NIGHT;
    private static final Instant IN_TWO_HOURS = NOW.plus(Duration.ofHours(2));

    private final OverrideRules rules = new OverrideRules(LEVELS, Duration.ofMinutes(2), Duration.ofDays(90));

    private OverrideRules.Decision create(Request request) {
        return rules.create(request, TestSchedule.state(), NOW, "desk");
    }

    @Test
    void aSwapFromNowIsAcceptedWithWhomItReplaces() {
        var decision = create(new Request("swap", null, "OLA@biztek.no", null, IN_TWO_HOURS, " night swap ", false));

        assertThat(decision).isInstanceOfSatisfying(Accepted.class, accepted -> {
            ScheduledOverride o = accepted.override();
            assertThat(o.kind()).isEqualTo("SWAP");
            assertThat(o.rotationOffset()).isZero();
            assertThat(o.engineer()).isEqualTo(OLA);
            assertThat(o.from()).isEqualTo(NOW);
            assertThat(o.to()).isEqualTo(IN_TWO_HOURS);
            assertThat(o.replaces()).isEqualTo(NORA.email());
            assertThat(o.note()).isEqualTo("night swap");
            assertThat(o.updatedBy()).isEqualTo("desk");
            assertThat(o.id()).isEqualTo(OverrideRules.id(0, "ola@biztek.no", NOW, IN_TWO_HOURS));
        });
    }

    @Test
    void aStartInThePastBeyondTheClockSkewIsRefused() {
        assertThat(create(new Request("cover", 1, OLA.email(), NOW.minusSeconds(60), IN_TWO_HOURS, null, false)))
                .isInstanceOf(Accepted.class);
        assertThat(create(new Request("cover", 1, OLA.email(), NOW.minusSeconds(121), IN_TWO_HOURS, null, false)))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.problems())
                        .extracting(Problem::field).containsExactly("from"));
    }

    @Test
    void aStartWithinTheClockSkewBeforeNowStartsNowAndARetryMakesTheSameOverride() {
        Instant aMinuteAgo = NOW.minusSeconds(60);
        Request request = new Request("swap", 1, OLA.email(), aMinuteAgo, IN_TWO_HOURS, null, false);

        assertThat(create(request)).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.override().from()).as("clamped to now").isEqualTo(NOW);
            assertThat(accepted.override().to()).isEqualTo(IN_TWO_HOURS);
            assertThat(accepted.override().id()).isEqualTo(OverrideRules.id(0, OLA.email(), aMinuteAgo, IN_TWO_HOURS));
        });
        assertThat(rules.create(request, TestSchedule.state(), NOW.plusSeconds(30), "desk"))
                .isInstanceOfSatisfying(Accepted.class, retried -> assertThat(retried.override().id())
                        .isEqualTo(OverrideRules.id(0, OLA.email(), aMinuteAgo, IN_TWO_HOURS)));
        assertThat(create(new Request("swap", 1, OLA.email(), aMinuteAgo, NOW.minusSeconds(1), null, false)))
                .as("a period over before now").isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(
                        invalid.problems()).extracting(Problem::field).containsExactly("to"));
    }

    @Test
    void everyBrokenFieldIsNamed() {
        var decision = create(new Request("holiday", 7, "siri@biztek.no", NOW, NOW, null, false));

        assertThat(decision).isInstanceOfSatisfying(Invalid.class, invalid -> {
            assertThat(invalid.problems()).extracting(Problem::field).containsExactly("kind", "level", "engineer", "to");
            assertThat(invalid.problems().get(2).message()).contains("kari@biztek.no", "ola@biztek.no", "nora@biztek.no");
        });
    }

    @Test
    void theDutyManagersLevelCannotBeOverridden() {
        assertThat(create(new Request("cover", 3, OLA.email(), null, IN_TWO_HOURS, null, false)))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("named person")));
    }

    @Test
    void anOverrideLongerThanTheMaximumIsRefused() {
        assertThat(create(new Request("cover", 1, OLA.email(), null, NOW.plus(Duration.ofDays(91)), null, false)))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.problems())
                        .extracting(Problem::field).containsExactly("to"));
    }

    @Test
    void aChangeThatLeavesALevelWithNobodyDistinctIsRefusedNamingTheGapUnlessAccepted() {
        // Nora is on call: Nora also covering the secondary leaves level 2 with nobody else
        Request gap = new Request("cover", 2, NORA.email(), null, IN_TWO_HOURS, null, false);

        assertThat(create(gap)).isInstanceOfSatisfying(Conflict.class, conflict -> {
            assertThat(conflict.gaps()).containsExactly(new Gaps.Gap(2, "secondary", NOW, IN_TWO_HOURS, NORA, 1));
            assertThat(conflict.detail()).contains("level 2 (secondary) without anyone distinct from 3.3.2026 02:00 "
                    + "to 3.3.2026 04:00 (Nora Berg would be on call at levels 1 and 2)").contains("acceptGap");
        });
        assertThat(create(new Request("cover", 2, NORA.email(), null, IN_TWO_HOURS, null, true)))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void deletingAnUnknownOrEndedOverrideIsRefused() {
        ScheduleState state = TestSchedule.state(TestSchedule.cover("old", 0, OLA, NOW.minusSeconds(7200),
                NOW.minusSeconds(3600)), TestSchedule.cover("next", 0, KARI, NOW.plusSeconds(60), IN_TWO_HOURS));

        assertThat(rules.delete("nope", state, NOW, false)).isInstanceOf(NotFound.class);
        assertThat(rules.delete("old", state, NOW, false)).isInstanceOfSatisfying(Conflict.class,
                c -> assertThat(c.detail()).contains("ended"));
        assertThat(rules.delete("next", state, NOW, false)).isInstanceOfSatisfying(Accepted.class,
                a -> assertThat(a.override().id()).isEqualTo("next"));
    }

    @Test
    void deletingAnOverrideThatKeptALevelDistinctIsAGapToo() {
        // Nora covers level 2 and Ola covers level 1: deleting Ola's leaves Nora on levels 1 and 2
        ScheduleState state = TestSchedule.state(TestSchedule.cover("nora-2", 1, NORA, NOW, IN_TWO_HOURS),
                TestSchedule.cover("ola-1", 0, OLA, NOW, IN_TWO_HOURS));

        assertThat(rules.delete("ola-1", state, NOW, false)).isInstanceOfSatisfying(Conflict.class,
                c -> assertThat(c.gaps()).singleElement().satisfies(g -> assertThat(g.level()).isEqualTo(2)));
        assertThat(rules.delete("ola-1", state, NOW, true)).isInstanceOf(Accepted.class);
    }
}
