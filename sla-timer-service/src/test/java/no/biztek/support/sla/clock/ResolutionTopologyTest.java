package no.biztek.support.sla.clock;

import static no.biztek.support.testing.TicketEvents.newTicketId;
import static no.biztek.support.testing.TicketEvents.opened;
import static no.biztek.support.testing.TicketEvents.reopened;
import static no.biztek.support.testing.TicketEvents.resolved;
import static no.biztek.support.testing.TicketEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.sla.SlaWarning;

/** The resolution clock beside the first-response one, through the real topology, under resolution targets. */
class ResolutionTopologyTest extends SlaTopologyHarness {

    private final PolicyHistory policies = PolicyFile.fromClasspath("policy/resolution-targets.yaml");
    private final RecordingMetrics metrics = new RecordingMetrics();

    private void startAt(Instant now) {
        start("sla-timer-resolution-ttd", new PlanCatalogue(List.of(policies)), metrics, now,
                settings(10_000, Duration.ofDays(30)), InputBacklog.Lookup.NONE);
    }

    private static List<SlaEvent> of(Metric metric, List<SlaEvent> events) {
        return events.stream().filter(e -> e.getMetric().equals(metric.id())).toList();
    }

    @Test
    void anOpenedTicketStartsAClockPerMetricEachNamingItsMetricPlanAndTarget() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.SERIOUS, MONDAY_0900));

        List<SlaEvent> started = sla.readValuesToList();

        assertThat(kinds(started)).containsExactly("ClockStarted", "ClockStarted");
        assertThat(started).extracting(SlaEvent::getMetric).containsExactly("first-response", "resolution");
        assertThat(started).extracting(SlaEvent::getPlan).containsOnly("standard");
        // 16 business hours from Monday 09:00: 7 on Monday, 9 on Tuesday
        assertThat(started.get(1).getDueAt()).isEqualTo(oslo("2026-03-03T16:00"));
        assertThat(((SlaClockStarted) started.get(1).getPayload()).getTargetMinutes()).isEqualTo(16 * 60);
        assertThat(started.get(0).getDueAt()).isEqualTo(oslo("2026-03-02T13:00"));
        assertThat(started.get(1).getEventId()).isNotEqualTo(started.get(0).getEventId());
        assertThat(metrics.totalOpenClocks()).isEqualTo(1);
    }

    @Test
    void resolutionWarnsAndBreachesByWallClockAfterTheFirstResponseWasMet() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.SERIOUS, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T10:00"));
        send(responded(ticketId, oslo("2026-03-02T10:00")));
        assertThat(kinds(sla.readValuesToList())).containsExactly("Met");

        List<SlaEvent> untilJustBefore = passTimeUntil(oslo("2026-03-03T15:59:59"));
        List<SlaEvent> atDeadline = passTimeUntil(oslo("2026-03-03T16:00:01"));

        assertThat(kinds(of(Metric.RESOLUTION, untilJustBefore))).containsExactly("Warning50", "Warning75",
                "Warning90");
        assertThat(of(Metric.FIRST_RESPONSE, untilJustBefore)).isEmpty();
        assertThat(untilJustBefore.get(0).getOccurredAt()).isEqualTo(oslo("2026-03-03T08:00"));
        assertThat(((SlaWarning) untilJustBefore.get(0).getPayload()).getTargetMinutes()).isEqualTo(16 * 60);
        assertThat(kinds(atDeadline)).containsExactly("Breached");
        SlaEvent breach = atDeadline.get(0);
        assertThat(breach.getMetric()).isEqualTo("resolution");
        assertThat(breach.getDueAt()).isEqualTo(oslo("2026-03-03T16:00"));
        assertThat(((SlaBreached) breach.getPayload()).getTargetMinutes()).isEqualTo(16 * 60);
        assertThat(metrics.timerBreachLags).hasSize(1);
        assertThat(metrics.totalOpenClocks()).isZero();
        assertThat(new ClockReader(policies).read(stored(ticketId), Metric.RESOLUTION, clock.instant()).state())
                .isEqualTo(ClockState.BREACHED);

        // after the verdict the resolution records the time, nothing more is announced
        send(resolved(ticketId, oslo("2026-03-04T09:00")));
        assertThat(sla.readValuesToList()).isEmpty();
    }

    @Test
    void resolvingBeforeTheDeadlineIsMetAndAReopeningWithdrawsItAndResumesWithTheTimeLeft() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.SERIOUS, MONDAY_0900));
        send(responded(ticketId, MONDAY_0900.plusSeconds(600)));
        sla.readValuesToList();
        passTimeUntil(oslo("2026-03-02T15:00"));

        send(resolved(ticketId, oslo("2026-03-02T15:00")));
        List<SlaEvent> atResolution = sla.readValuesToList();
        assertThat(kinds(atResolution)).containsExactly("Met");
        SlaMet met = (SlaMet) atResolution.get(0).getPayload();
        assertThat(atResolution.get(0).getMetric()).isEqualTo("resolution");
        assertThat(met.getRespondedAt()).isEqualTo(oslo("2026-03-02T15:00"));
        assertThat(met.getBusinessMinutesUsed()).isEqualTo(6 * 60);
        assertThat(metrics.met).hasSize(2);

        // reopened Tuesday 07:00: 10 business hours left, due Tuesday 16:00 + 1 h = Wednesday 08:00
        passTimeUntil(oslo("2026-03-03T07:00"));
        send(reopened(ticketId, oslo("2026-03-03T07:00")));
        List<SlaEvent> atReopening = sla.readValuesToList();
        assertThat(kinds(atReopening)).containsExactly("Corrected");
        SlaCorrected corrected = (SlaCorrected) atReopening.get(0).getPayload();
        assertThat(corrected.getKind()).isEqualTo(SlaCorrectionKind.MET_WITHDRAWN);
        assertThat(corrected.getState()).isEqualTo(SlaClockState.RUNNING);
        assertThat(corrected.getSupersededEventId()).isEqualTo(atResolution.get(0).getEventId());
        assertThat(atReopening.get(0).getDueAt()).isEqualTo(oslo("2026-03-04T08:00"));

        List<SlaEvent> later = passTimeUntil(oslo("2026-03-04T08:00:01"));
        assertThat(kinds(later)).endsWith("Breached");
        assertThat(later).extracting(SlaEvent::getMetric).containsOnly("resolution");
    }

    @Test
    void aSeverityCountedAroundTheClockBreachesItsResolutionAtNight() {
        Instant fridayEvening = oslo("2026-03-06T20:00");
        startAt(fridayEvening);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, fridayEvening));
        List<SlaEvent> started = sla.readValuesToList();
        assertThat(started.get(1).getDueAt()).isEqualTo(oslo("2026-03-07T04:00"));
        send(responded(ticketId, oslo("2026-03-06T20:30")));
        sla.readValuesToList();

        List<SlaEvent> night = passTimeUntil(oslo("2026-03-07T04:00:01"));

        assertThat(kinds(night)).containsExactly("Warning50", "Warning75", "Warning90", "Breached");
        assertThat(night.get(3).getOccurredAt()).isEqualTo(oslo("2026-03-07T04:00"));
    }

    @Test
    void theClockIsDeletedOnlyAfterBothMetricsClosed() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.SERIOUS, MONDAY_0900));
        send(responded(ticketId, MONDAY_0900.plusSeconds(60)));
        sla.readValuesToList();

        // the first response closed at once, the resolution breached on Tuesday 16:00: the clock is kept 30 days
        // after that last change, not after the first response's
        passTimeUntil(oslo("2026-03-03T16:05"));
        passTimeUntil(oslo("2026-04-02T15:00"), Duration.ofHours(1));
        assertThat(stored(ticketId)).isNotNull();
        assertThat(stored(ticketId).resolution().announced().state()).isEqualTo(ClockState.BREACHED);

        passTimeUntil(oslo("2026-04-02T18:00"), Duration.ofHours(1));
        assertThat(stored(ticketId)).isNull();
    }
}
