package no.biztek.support.sla.clock;

import static no.biztek.support.sla.clock.FactOrderFixture.RETENTION;
import static no.biztek.support.sla.clock.FactOrderFixture.WEEK;
import static no.biztek.support.sla.clock.FactOrderFixture.ids;
import static no.biztek.support.sla.clock.FactOrderFixture.lifecycle;
import static no.biztek.support.sla.clock.FactOrderFixture.runs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.sla.clock.FactOrderFixture.Runs;
import no.biztek.support.testing.TicketEvents;

/**
 * Facts, not arrival order (SPEC §2): for random fact sets and random arrival orders, with the wall clock
 * moving arbitrarily between arrivals, timers firing on time or late, and restarted tasks still reading
 * their backlog, the clock ends where arrival in event-time order ends, and what its SLA events announced
 * (corrections included) is what the facts say.
 */
class FactOrderPropertyTest {

    private final PolicyHistory policies = PolicyFile.defaultPolicy();

    @Property(tries = 1000)
    void anyArrivalOrderOfTheSameFactsEndsWhereEventTimeOrderEnds(
            @ForAll @IntRange(min = 0, max = 7 * 24 * 60) int openedMinute,
            @ForAll @IntRange(min = 1, max = 3) int openedSeverity,
            @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 3 * 24 * 60) Integer> changeMinutes,
            @ForAll @Size(min = 3, max = 3) List<@IntRange(min = 1, max = 3) Integer> changeSeverities,
            @ForAll boolean responded,
            @ForAll @IntRange(min = 0, max = 4 * 24 * 60) int responseMinute,
            @ForAll @Size(max = 2) List<@IntRange(min = 0, max = 3 * 24 * 60) Integer> resolveMinutes,
            @ForAll @Size(min = 2, max = 2) List<@IntRange(min = 1, max = 2 * 24 * 60) Integer> pauseMinutes,
            @ForAll @Size(min = 2, max = 2) List<Boolean> reopened,
            @ForAll long arrivalSeed,
            @ForAll @Size(min = 10, max = 10) List<@IntRange(min = 0, max = 24 * 60) Integer> wallClockSteps,
            @ForAll @Size(min = 10, max = 10) List<Boolean> readingBacklog,
            @ForAll @Size(min = 10, max = 10) List<Boolean> timersLate) {
        String ticketId = TicketEvents.newTicketId();
        Instant openedAt = WEEK.plus(Duration.ofMinutes(openedMinute));
        List<TicketEvent> lifecycle = lifecycle(ticketId, openedAt, changeMinutes, changeSeverities, responded,
                responseMinute, resolveMinutes, pauseMinutes, reopened);
        Runs<RulesHarness> runs = runs(at -> new RulesHarness(policies, RETENTION, at), ticketId, openedAt,
                openedSeverity, lifecycle, new Random(arrivalSeed), wallClockSteps, readingBacklog, timersLate);
        RulesHarness ordered = runs.ordered();
        RulesHarness arbitrary = runs.arbitrary();

        ClockReading expected = ordered.read();
        ClockReading actual = arbitrary.read();
        assertThat(actual.state()).isEqualTo(expected.state());
        assertThat(actual.severity()).isEqualTo(expected.severity());
        assertThat(actual.dueAt()).isEqualTo(expected.dueAt());
        assertThat(actual.respondedAt()).isEqualTo(expected.respondedAt());
        assertThat(actual.businessMinutesUsed()).isEqualTo(expected.businessMinutesUsed());
        assertThat(arbitrary.downstreamView()).as("what the SLA events announced, corrections applied")
                .isEqualTo(ClockHarness.viewOf(actual));
        assertThat(ordered.downstreamView()).isEqualTo(ClockHarness.viewOf(expected));
        assertThat(ids(arbitrary.emitted())).as("no event id emitted twice").doesNotHaveDuplicates();
        assertThat(ids(ordered.emitted())).doesNotHaveDuplicates();

        Statistics.label("final state").collect(expected.state());
        Statistics.label("corrected").collect(arbitrary.emitted().stream()
                .anyMatch(e -> e.getPayload() instanceof SlaCorrected));
        Statistics.label("final state").coverage(coverage -> {
            for (ClockState state : ClockState.values()) {
                coverage.check(state).percentage(p -> p > 1);
            }
        });
        Statistics.label("corrected").coverage(coverage -> coverage.check(true).percentage(p -> p > 5));
    }
}
