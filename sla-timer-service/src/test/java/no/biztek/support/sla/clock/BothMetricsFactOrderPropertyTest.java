package no.biztek.support.sla.clock;

import static no.biztek.support.sla.clock.FactOrderFixture.RETENTION;
import static no.biztek.support.sla.clock.FactOrderFixture.WEEK;
import static no.biztek.support.sla.clock.FactOrderFixture.event;
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

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketResumed;
import no.biztek.support.sla.clock.FactOrderFixture.Runs;
import no.biztek.support.testing.TicketEvents;

/**
 * {@link FactOrderPropertyTest} for terms with resolution targets (and a severity counted around the clock) and holds
 * (pausing resolution, both metrics, nothing, or for a reason the terms do not know): for
 * random fact sets and arrival orders, every metric's clock (first response and resolution, each on its own timer)
 * ends where arrival in event-time order ends, and what each metric's SLA events announced is what the facts say.
 */
class BothMetricsFactOrderPropertyTest {

    /** Hold reasons pausing resolution, both metrics, nothing (known), and nothing (unknown to the policy). */
    private static final String[] HOLD_REASONS = {"WAITING_ON_CUSTOMER", "CUSTOMER_UNREACHABLE", "ON_HOLD",
        "NOT_A_REASON"};

    private final PolicyHistory policies = PolicyFile.fromClasspath("policy/holds-and-plans.yaml");

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
            @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 3 * 24 * 60) Integer> holdMinutes,
            @ForAll @Size(min = 3, max = 3) List<@IntRange(min = 0, max = 3) Integer> holdReasons,
            @ForAll @Size(min = 3, max = 3) List<@IntRange(min = 1, max = 2 * 24 * 60) Integer> holdLengths,
            @ForAll @Size(min = 3, max = 3) List<Boolean> resumed,
            @ForAll long arrivalSeed,
            @ForAll @Size(min = 10, max = 10) List<@IntRange(min = 0, max = 24 * 60) Integer> wallClockSteps,
            @ForAll @Size(min = 10, max = 10) List<Boolean> readingBacklog,
            @ForAll @Size(min = 10, max = 10) List<Boolean> timersLate) {
        String ticketId = TicketEvents.newTicketId();
        Instant openedAt = WEEK.plus(Duration.ofMinutes(openedMinute));
        List<TicketEvent> lifecycle = lifecycle(ticketId, openedAt, changeMinutes, changeSeverities, responded,
                responseMinute, resolveMinutes, pauseMinutes, reopened);
        for (int i = 0; i < holdMinutes.size(); i++) {
            Instant heldAt = openedAt.plus(Duration.ofMinutes(holdMinutes.get(i)));
            lifecycle.add(event(ticketId, TicketHeld.newBuilder().setReason(HOLD_REASONS[holdReasons.get(i)])
                    .setHeldAt(heldAt).build()));
            if (resumed.get(i)) {
                lifecycle.add(event(ticketId, TicketResumed.newBuilder()
                        .setResumedAt(heldAt.plus(Duration.ofMinutes(holdLengths.get(i)))).build()));
            }
        }
        Runs<MetricsHarness> runs = runs(at -> new MetricsHarness(policies, RETENTION, at), ticketId, openedAt,
                openedSeverity, lifecycle, new Random(arrivalSeed), wallClockSteps, readingBacklog, timersLate);
        MetricsHarness ordered = runs.ordered();
        MetricsHarness arbitrary = runs.arbitrary();

        assertThat(arbitrary.clock().metrics()).containsExactly(Metric.FIRST_RESPONSE, Metric.RESOLUTION);
        for (Metric metric : Metric.values()) {
            ClockReading expected = ordered.read(metric);
            ClockReading actual = arbitrary.read(metric);
            assertThat(actual.state()).as(metric.id()).isEqualTo(expected.state());
            assertThat(actual.severity()).as(metric.id()).isEqualTo(expected.severity());
            assertThat(actual.dueAt()).as(metric.id()).isEqualTo(expected.dueAt());
            assertThat(actual.respondedAt()).as(metric.id()).isEqualTo(expected.respondedAt());
            assertThat(actual.businessMinutesUsed()).as(metric.id()).isEqualTo(expected.businessMinutesUsed());
            assertThat(actual.pauseReason()).as(metric.id()).isEqualTo(expected.pauseReason());
            assertThat(actual.pausedByReason()).as(metric.id()).isEqualTo(expected.pausedByReason());
            assertThat(arbitrary.downstreamView(metric)).as("what the %s events announced, corrections applied",
                    metric.id()).isEqualTo(ClockHarness.viewOf(actual));
            assertThat(ordered.downstreamView(metric)).as(metric.id()).isEqualTo(ClockHarness.viewOf(expected));
            Statistics.label(metric.id()).collect(expected.state());
            Statistics.label(metric.id() + " paused for a hold").collect(expected.isHeld());
        }
        assertThat(ids(arbitrary.emitted())).as("no event id emitted twice").doesNotHaveDuplicates();
        assertThat(ids(ordered.emitted())).doesNotHaveDuplicates();
        assertThat(arbitrary.emitted()).allSatisfy(event -> assertThat(event.getPlan()).isEqualTo("standard"));

        Statistics.label("corrected").collect(arbitrary.emitted().stream()
                .anyMatch(e -> e.getPayload() instanceof SlaCorrected));
        Statistics.label(Metric.FIRST_RESPONSE.id()).coverage(coverage -> {
            for (ClockState state : ClockState.values()) {
                coverage.check(state).percentage(p -> p > 1);
            }
        });
        Statistics.label(Metric.RESOLUTION.id()).coverage(coverage -> {
            for (ClockState state : List.of(ClockState.RUNNING, ClockState.MET, ClockState.BREACHED)) {
                coverage.check(state).percentage(p -> p > 1);
            }
        });
        Statistics.label(Metric.RESOLUTION.id() + " paused for a hold").coverage(coverage -> coverage.check(true)
                .percentage(p -> p > 1));
        // first response rarely ends paused (it is usually answered or breached by then), but is paused on the way
        Statistics.label("first-response announced paused").collect(arbitrary.emitted().stream().anyMatch(e ->
                e.getPayload() instanceof SlaClockPaused && e.getMetric().equals(Metric.FIRST_RESPONSE.id())));
        Statistics.label("first-response announced paused").coverage(coverage -> coverage.check(true)
                .percentage(p -> p > 1));
        Statistics.label("corrected").coverage(coverage -> coverage.check(true).percentage(p -> p > 5));
    }
}
