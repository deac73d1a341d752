package no.biztek.support.escalation.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.PagingProperties.Engineer;
import no.biztek.support.escalation.paging.TestPaging;

/**
 * The schedule of the paging tests ({@link TestPaging}: Kari → Ola → Nora from Monday 5 January 2026, handover Mondays
 * 09:00 Oslo; levels on-call, secondary, duty manager Dina) as the schedule topic holds it, with the overrides given.
 * In the week from Monday 2 March 2026 Nora is on call and Kari is secondary; from 9 March Kari, with Ola secondary.
 */
final class TestSchedule {

    static final PagingProperties PAGING = TestPaging.properties();
    static final List<PagingProperties.Level> LEVELS = PAGING.policy().levels();
    /** Tuesday 3 March 2026, 02:00 in Oslo (Nora's week). */
    static final Instant NIGHT = Instant.parse("2026-03-03T01:00:00Z");
    /** Monday 9 March 2026, 09:00 in Oslo: Nora hands over to Kari. */
    static final Instant HANDOVER = Instant.parse("2026-03-09T08:00:00Z");

    private TestSchedule() {
    }

    static ScheduleState state(ScheduledOverride... overrides) {
        return new ScheduleState(Optional.of(ScheduleState.withOverrides(PAGING.schedule(), List.of())),
                List.of(overrides), Map.of(), Map.of());
    }

    static ScheduleState withFeed(ScheduleState state, String email, int generation) {
        return new ScheduleState(state.rotation(), state.overrides(), Map.of(email, generation), Map.of());
    }

    static ScheduledOverride cover(String id, int rotationOffset, Engineer engineer, Instant from, Instant to) {
        return new ScheduledOverride(id, "COVER", rotationOffset, from, to, engineer, null, null, "test", from);
    }

    static Shifts shifts(ScheduledOverride... overrides) {
        return Shifts.of(state(overrides), LEVELS);
    }
}
