package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.schedule.TestSchedule.LEVELS;
import static no.biztek.support.escalation.schedule.TestSchedule.NIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.paging.TestPaging;

/**
 * Random override requests and deletions against a schedule that keeps every accepted change: the rules never throw
 * (a client's mistake is never a 500), name only fields the request has, and never let a change add a gap it did not
 * accept.
 */
class OverrideRulesFuzzTest {

    private static final int REQUESTS = 3000;
    private static final List<String> KINDS = List.of("swap", "cover", "SWAP", " Cover ", "holiday", "");
    private static final List<String> ENGINEERS = List.of(TestPaging.KARI.email(), TestPaging.OLA.email(),
            TestPaging.NORA.email(), "KARI@BIZTEK.NO", " ola@biztek.no ", TestPaging.DINA.email(), "siri@biztek.no",
            "", "not an address");

    private final Random random = new Random(20261202);
    private final OverrideRules rules = new OverrideRules(LEVELS, Duration.ofMinutes(2), Duration.ofDays(90));

    private <T> T any(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private Instant around(Instant now) {
        return random.nextInt(10) == 0 ? null : now.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 20) - 60 * 24));
    }

    @Test
    void everyRequestGetsADecisionAndNoAcceptedChangeAddsAGapItDidNotAccept() {
        Instant now = NIGHT;
        ScheduleState state = TestSchedule.state();
        int accepted = 0;
        int gapsRefused = 0;
        for (int i = 0; i < REQUESTS; i++) {
            now = now.plusSeconds(random.nextInt(600));
            boolean acceptGap = random.nextInt(4) == 0;
            OverrideRules.Decision decision;
            boolean deleting = random.nextInt(5) == 0 && !state.overrides().isEmpty();
            if (deleting) {
                String id = random.nextInt(5) == 0 ? "unknown" : any(state.overrides()).id();
                decision = rules.delete(id, state, now, acceptGap);
            } else {
                Integer level = random.nextInt(8) == 0 ? null : random.nextInt(6) - 1;
                decision = rules.create(new OverrideRules.Request(random.nextInt(10) == 0 ? null : any(KINDS), level,
                        random.nextInt(10) == 0 ? null : any(ENGINEERS), around(now), around(now), null, acceptGap),
                        state, now, "fuzz");
            }
            assertThat(decision).isNotNull();
            if (decision instanceof OverrideRules.Invalid invalid) {
                assertThat(invalid.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.field())
                        .isIn("kind", "level", "engineer", "from", "to"));
            } else if (decision instanceof OverrideRules.Conflict conflict && !conflict.gaps().isEmpty()) {
                assertThat(acceptGap).as("a refused gap was not accepted").isFalse();
                gapsRefused++;
            } else if (decision instanceof OverrideRules.Accepted ok) {
                ScheduleState after = apply(state, ok.override(), deleting);
                if (!acceptGap) {
                    Instant from = ok.override().from().isAfter(now) ? ok.override().from() : now;
                    assertThat(Gaps.introduced(Gaps.of(Shifts.of(state, LEVELS), from, ok.override().to()),
                            Gaps.of(Shifts.of(after, LEVELS), from, ok.override().to()))).isEmpty();
                }
                state = after;
                accepted++;
            }
        }
        assertThat(accepted).as("some requests are accepted").isGreaterThan(100);
        assertThat(gapsRefused).as("some refused for a gap").isPositive();
    }

    /** The state after an accepted decision: a new override added, an existing one deleted. */
    private static ScheduleState apply(ScheduleState state, ScheduledOverride override, boolean deleting) {
        List<ScheduledOverride> overrides = new ArrayList<>(state.overrides());
        overrides.removeIf(o -> o.id().equals(override.id()));
        if (!deleting) {
            overrides.add(override);
        }
        return new ScheduleState(state.rotation(), overrides, state.feeds(), state.handoverClaims());
    }
}
