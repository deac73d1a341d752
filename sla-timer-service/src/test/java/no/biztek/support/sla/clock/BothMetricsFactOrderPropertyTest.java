package no.biztek.support.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.ticket.TicketResumed;
import no.biztek.support.testing.TicketEvents;

/**
 * {@link FactOrderPropertyTest} for terms with resolution targets (and a severity counted around the clock) and holds
 * (pausing resolution, both metrics, nothing, or for a reason the terms do not know): for
 * random fact sets and arrival orders, every metric's clock (first response and resolution, each on its own timer)
 * ends where arrival in event-time order ends, and what each metric's SLA events announced is what the facts say.
 */
class BothMetricsFactOrderPropertyTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Monday 2 March 2026 00:00 in Oslo; tickets open in the week after. */
    private static final Instant WEEK = LocalDateTime.parse("2026-03-02T00:00").atZone(OSLO).toInstant();
    /** Longer than any scenario, so no clock is deleted under the property. */
    private static final Duration RETENTION = Duration.ofDays(90);
    private static final SeverityChangeReason[] REASONS = SeverityChangeReason.values();

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
        List<TicketEvent> lifecycle = new ArrayList<>();
        for (int i = 0; i < changeMinutes.size(); i++) {
            Severity severity = Severity.values()[changeSeverities.get(i) - 1];
            lifecycle.add(event(ticketId, SeverityChanged.newBuilder().setSeverity(severity)
                    .setReason(REASONS[Math.floorMod(changeMinutes.get(i), REASONS.length)])
                    .setChangedAt(openedAt.plus(Duration.ofMinutes(changeMinutes.get(i)))).build()));
        }
        if (responded) {
            lifecycle.add(event(ticketId, FirstResponseRecorded.newBuilder().setConsultant("per@biztek.no")
                    .setRespondedAt(openedAt.plus(Duration.ofMinutes(responseMinute))).build()));
        }
        for (int i = 0; i < resolveMinutes.size(); i++) {
            Instant resolvedAt = openedAt.plus(Duration.ofMinutes(resolveMinutes.get(i)));
            lifecycle.add(event(ticketId, TicketResolved.newBuilder().setResolvedAt(resolvedAt).build()));
            if (reopened.get(i)) {
                lifecycle.add(event(ticketId, TicketReopened.newBuilder()
                        .setReopenedAt(resolvedAt.plus(Duration.ofMinutes(pauseMinutes.get(i)))).build()));
            }
        }
        for (int i = 0; i < holdMinutes.size(); i++) {
            Instant heldAt = openedAt.plus(Duration.ofMinutes(holdMinutes.get(i)));
            lifecycle.add(event(ticketId, TicketHeld.newBuilder().setReason(HOLD_REASONS[holdReasons.get(i)])
                    .setHeldAt(heldAt).build()));
            if (resumed.get(i)) {
                lifecycle.add(event(ticketId, TicketResumed.newBuilder()
                        .setResumedAt(heldAt.plus(Duration.ofMinutes(holdLengths.get(i)))).build()));
            }
        }
        // intake numbers a ticket's events in the order it publishes them, which need not be event-time order
        Random random = new Random(arrivalSeed);
        Collections.shuffle(lifecycle, random);
        for (int i = 0; i < lifecycle.size(); i++) {
            lifecycle.get(i).setSequence(i + 1);
        }
        TicketEvent opened = event(ticketId, TicketOpened.newBuilder().setSource("test").setExternalId(ticketId)
                .setSeverity(Severity.values()[openedSeverity - 1]).setTitle("t").setDescription("d")
                .setRequester(new no.biztek.support.schemas.common.Person("Kari", "kari@kunde.no"))
                .setChannel(no.biztek.support.schemas.common.Channel.PORTAL).setOpenedAt(openedAt).build());
        opened.setSequence(0);

        List<TicketEvent> inEventTimeOrder = new ArrayList<>(lifecycle);
        inEventTimeOrder.sort(Comparator.comparing(e -> Fact.of(e), Fact.EVENT_TIME_ORDER));
        List<TicketEvent> shuffled = new ArrayList<>(lifecycle);
        Collections.shuffle(shuffled, random);

        MetricsHarness ordered = run(opened, inEventTimeOrder, List.of(0), List.of(false), List.of(false));
        MetricsHarness arbitrary = run(opened, shuffled, wallClockSteps, readingBacklog, timersLate);
        Instant end = later(ordered.now(), arbitrary.now());
        ordered.passTimeTo(end, false);
        arbitrary.passTimeTo(end, true);

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
                    metric.id()).isEqualTo(RulesHarness.viewOf(actual));
            assertThat(ordered.downstreamView(metric)).as(metric.id()).isEqualTo(RulesHarness.viewOf(expected));
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

    /** Facts arrive one by one, the wall clock moving on before each (never before the fact's own time). */
    private MetricsHarness run(TicketEvent opened, List<TicketEvent> arrivals, List<Integer> steps,
                             List<Boolean> backlog, List<Boolean> late) {
        Instant openedAt = ((TicketOpened) opened.getPayload()).getOpenedAt();
        MetricsHarness harness = new MetricsHarness(policies, RETENTION, openedAt);
        harness.arrive(opened, true);
        for (int i = 0; i < arrivals.size(); i++) {
            TicketEvent event = arrivals.get(i);
            boolean readingBacklog = backlog.get(i % backlog.size());
            Instant arrival = later(harness.now().plus(Duration.ofMinutes(steps.get(i % steps.size()))),
                    Fact.of(event).at());
            harness.passTimeTo(arrival, readingBacklog || late.get(i % late.size()));
            Step step = harness.arrive(event, !readingBacklog);
            assertThat(step.outcome()).isNotEqualTo(Step.Outcome.UNKNOWN_TICKET);
        }
        return harness;
    }

    private static TicketEvent event(String ticketId, Object payload) {
        return TicketEvent.newBuilder().setEventId(java.util.UUID.randomUUID().toString()).setTicketId(ticketId)
                .setCustomerId("customer-1").setOccurredAt(Instant.EPOCH).setProducer("intake-service")
                .setPayload(payload).build();
    }

    private static List<String> ids(List<SlaEvent> events) {
        return events.stream().map(SlaEvent::getEventId).toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
