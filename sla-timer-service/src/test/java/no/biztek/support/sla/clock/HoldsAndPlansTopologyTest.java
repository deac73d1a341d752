package no.biztek.support.sla.clock;

import static no.biztek.support.testing.TicketEvents.held;
import static no.biztek.support.testing.TicketEvents.newTicketId;
import static no.biztek.support.testing.TicketEvents.opened;
import static no.biztek.support.testing.TicketEvents.resumed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockResumed;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;

/** Holds pausing the metrics their reason pauses, and tickets measured under the plan TicketOpened names. */
class HoldsAndPlansTopologyTest extends SlaTopologyHarness {

    private final PlanCatalogue plans = PolicyFile.catalogueFromClasspath("policy/holds-and-plans.yaml");
    private final List<String> unknownPlans = new ArrayList<>();
    private final List<String> unknownReasons = new ArrayList<>();
    private final ClockMetrics metrics = new ClockMetrics() {
        @Override
        public void unknownPlan(String plan) {
            unknownPlans.add(plan);
        }

        @Override
        public void unknownPauseReason(String reason) {
            unknownReasons.add(reason);
        }
    };

    @Test
    void aHoldOfTwoBusinessHoursMovesTheResolutionDeadlineByTwoBusinessHoursAndLeavesFirstResponseAlone() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.SERIOUS, MONDAY_0900));
        List<SlaEvent> started = sla.readValuesToList();
        // severity 2: first response due 13:00; resolution (16 business hours) due Tuesday 16:00
        assertThat(dueAt(Metric.FIRST_RESPONSE, started)).isEqualTo(oslo("2026-03-02T13:00"));
        assertThat(dueAt(Metric.RESOLUTION, started)).isEqualTo(oslo("2026-03-03T16:00"));

        passTimeUntil(oslo("2026-03-02T10:00"));
        send(held(ticketId, "WAITING_ON_CUSTOMER", oslo("2026-03-02T10:00")));
        List<SlaEvent> paused = sla.readValuesToList();
        assertThat(paused).singleElement().satisfies(event -> {
            assertThat(event.getMetric()).isEqualTo(Metric.RESOLUTION.id());
            assertThat(((SlaClockPaused) event.getPayload()).getReason()).isEqualTo("WAITING_ON_CUSTOMER");
            assertThat(((SlaClockPaused) event.getPayload()).getBusinessMinutesElapsed()).isEqualTo(60);
            assertThat(event.getDueAt()).isEqualTo(oslo("2026-03-03T16:00"));
            assertThat(event.getOccurredAt()).isEqualTo(oslo("2026-03-02T10:00"));
        });
        ClockReading whileHeld = read(ticketId, Metric.RESOLUTION);
        assertThat(whileHeld.isHeld()).isTrue();
        assertThat(whileHeld.pauseReason()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(read(ticketId, Metric.FIRST_RESPONSE).state()).isEqualTo(ClockState.RUNNING);

        passTimeUntil(oslo("2026-03-02T12:00"));
        send(resumed(ticketId, oslo("2026-03-02T12:00")));
        List<SlaEvent> resumed = sla.readValuesToList();
        assertThat(resumed).singleElement().satisfies(event -> {
            assertThat(event.getMetric()).isEqualTo(Metric.RESOLUTION.id());
            assertThat(((SlaClockResumed) event.getPayload()).getReason()).isEqualTo("WAITING_ON_CUSTOMER");
            // two business hours later: Tuesday 16:00 + 2h = Wednesday 09:00
            assertThat(event.getDueAt()).isEqualTo(oslo("2026-03-04T09:00"));
        });
        ClockReading resolution = read(ticketId, Metric.RESOLUTION);
        assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
        assertThat(resolution.dueAt()).isEqualTo(oslo("2026-03-04T09:00"));
        assertThat(resolution.pausedByReason()).isEqualTo(Map.of("WAITING_ON_CUSTOMER", Duration.ofHours(2)));
        assertThat(read(ticketId, Metric.FIRST_RESPONSE).dueAt()).isEqualTo(oslo("2026-03-02T13:00"));

        List<SlaEvent> later = passTimeUntil(oslo("2026-03-02T13:05"));
        assertThat(later).filteredOn(e -> e.getPayload() instanceof SlaBreached).singleElement()
                .satisfies(event -> {
                    assertThat(event.getMetric()).isEqualTo(Metric.FIRST_RESPONSE.id());
                    assertThat(event.getDueAt()).isEqualTo(oslo("2026-03-02T13:00"));
                });
        assertThat(unknownReasons).isEmpty();
    }

    @Test
    void aHoldForAReasonThePolicyDoesNotKnowPausesNothingAndIsCounted() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.SERIOUS, MONDAY_0900));
        sla.readValuesToList();

        passTimeUntil(oslo("2026-03-02T10:00"));
        send(held(ticketId, "GONE_FISHING", oslo("2026-03-02T10:00")));

        assertThat(sla.readValuesToList()).isEmpty();
        assertThat(unknownReasons).containsExactly("GONE_FISHING");
        for (Metric metric : Metric.values()) {
            ClockReading reading = read(ticketId, metric);
            assertThat(reading.state()).as(metric.id()).isEqualTo(ClockState.RUNNING);
            assertThat(reading.pauseReason()).as(metric.id()).isNull();
            assertThat(reading.pausedByReason()).as(metric.id()).isEmpty();
        }
        assertThat(read(ticketId, Metric.RESOLUTION).dueAt()).isEqualTo(oslo("2026-03-03T16:00"));
    }

    @Test
    void aPlanCountingEveryHourGivesASeverity2DeadlineAtNight() {
        Instant saturday2300 = oslo("2026-03-07T23:00");
        startAt(saturday2300);
        String ticketId = newTicketId();
        send(openedUnder(ticketId, "around-the-clock", Severity.SERIOUS, saturday2300));

        List<SlaEvent> started = sla.readValuesToList();
        assertThat(dueAt(Metric.FIRST_RESPONSE, started)).isEqualTo(oslo("2026-03-08T01:00"));
        assertThat(dueAt(Metric.RESOLUTION, started)).isEqualTo(oslo("2026-03-08T23:00"));
        assertThat(started).allSatisfy(event -> {
            assertThat(event.getPlan()).isEqualTo("around-the-clock");
            assertThat(event.getPolicyVersion()).isEqualTo("around-the-clock-2025-01");
        });
        assertThat(stored(ticketId).policyVersion()).isEqualTo("around-the-clock-2025-01");

        List<SlaEvent> night = passTimeUntil(oslo("2026-03-08T01:05"));
        assertThat(night).filteredOn(e -> e.getPayload() instanceof SlaBreached).singleElement()
                .satisfies(event -> assertThat(event.getDueAt()).isEqualTo(oslo("2026-03-08T01:00")));
        assertThat(unknownPlans).isEmpty();
    }

    @Test
    void aPlanThePolicyFileDoesNotKnowIsMeasuredUnderStandardAndCounted() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(openedUnder(ticketId, "platinum", Severity.SERIOUS, MONDAY_0900));

        List<SlaEvent> started = sla.readValuesToList();
        assertThat(dueAt(Metric.FIRST_RESPONSE, started)).isEqualTo(oslo("2026-03-02T13:00"));
        assertThat(started).allSatisfy(event -> {
            assertThat(event.getPlan()).isEqualTo("standard");
            assertThat(event.getPolicyVersion()).isEqualTo("holds-2020-01");
        });
        assertThat(unknownPlans).containsExactly("platinum");
    }

    private void startAt(Instant now) {
        start("sla-timer-holds-ttd", plans, metrics, now, settings(10_000, Duration.ofDays(30)),
                InputBacklog.Lookup.NONE);
    }

    private ClockReading read(String ticketId, Metric metric) {
        return new ClockReader(plans).read(stored(ticketId), metric, clock.instant());
    }

    private static Instant dueAt(Metric metric, List<SlaEvent> events) {
        return events.stream().filter(e -> e.getMetric().equals(metric.id())).findFirst().orElseThrow().getDueAt();
    }

    private static TicketEvent openedUnder(String ticketId, String plan, Severity severity, Instant openedAt) {
        TicketEvent event = opened(ticketId, severity, openedAt);
        ((TicketOpened) event.getPayload()).setPlan(plan);
        return event;
    }

}
