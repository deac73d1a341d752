package no.biztek.support.sla.clock;

import static no.biztek.support.testing.TicketEvents.newTicketId;
import static no.biztek.support.testing.TicketEvents.opened;
import static no.biztek.support.testing.TicketEvents.reopened;
import static no.biztek.support.testing.TicketEvents.resolved;
import static no.biztek.support.testing.TicketEvents.responded;
import static no.biztek.support.testing.TicketEvents.severityChanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.sla.ClockStopReason;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaDeadlineChanged;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.sla.SlaWarning;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topics;

/** Every clock transition through the real topology, driven by a controllable wall clock. */
class SlaTopologyTest extends SlaTopologyHarness {

    private static final String POLICY = "biztek-2020-01";

    private final PolicyHistory policies = PolicyFile.defaultPolicy();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();

    private void startAt(Instant now) {
        startAt(now, settings(10_000, Duration.ofDays(30)));
    }

    private void startAt(Instant now, TopologySettings settings) {
        startAt(now, settings, InputBacklog.Lookup.NONE);
    }

    private void startAt(Instant now, TopologySettings settings, InputBacklog.Lookup backlog) {
        start("sla-timer-ttd", new PlanCatalogue(List.of(policies)), metrics, now, settings, backlog);
        deadLetters.readFrom(driver.createOutputTopic(Topics.TICKET_EVENTS.deadLetterTopicName(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()));
    }

    /** What the stored clock's facts say now (the SLA status). */
    private ClockReading status(String ticketId) {
        return new ClockReader(policies).read(stored(ticketId), clock.instant());
    }

    private static String eventId(String ticketId, String kind, String distinction) {
        return no.biztek.support.kafka.ids.NameBasedIds.of(EventIds.NAMESPACE, ticketId, "first-response", kind,
                distinction);
    }

    @Test
    void openedTicketStartsTheClockWithTheDeadlineOfThePolicyInForce() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        TicketEvent opened = opened(ticketId, Severity.LESS_SERIOUS, MONDAY_0900);

        send(opened);

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("ClockStarted");
        SlaEvent started = events.get(0);
        assertThat(started.getTicketId()).isEqualTo(ticketId);
        assertThat(started.getCustomerId()).isEqualTo("customer-1");
        assertThat(started.getPolicyVersion()).isEqualTo(POLICY);
        assertThat(started.getSeverity()).isEqualTo(Severity.LESS_SERIOUS);
        assertThat(started.getOpenedAt()).isEqualTo(MONDAY_0900);
        assertThat(started.getDueAt()).isEqualTo(oslo("2026-03-03T08:00")); // SPEC §2 example
        assertThat(started.getOccurredAt()).isEqualTo(MONDAY_0900);
        assertThat(started.getProducer()).isEqualTo("sla-timer-service");
        assertThat(started.getEventId()).isEqualTo(eventId(ticketId, "started", opened.getEventId()));
        assertThat(started.getMetric()).isEqualTo("first-response");
        assertThat(started.getPlan()).isEqualTo("standard");
        SlaClockStarted payload = (SlaClockStarted) started.getPayload();
        assertThat(payload.getTargetMinutes()).isEqualTo(480);
        assertThat(payload.getPagesAroundTheClock()).isFalse();
        assertThat(status(ticketId).state()).isEqualTo(ClockState.RUNNING);
        assertThat(metrics.totalOpenClocks()).isEqualTo(1);
    }

    @Test
    void breachFiresByWallClockWithoutFurtherInput() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        sla.readValuesToList();

        List<SlaEvent> beforeDeadline = passTimeUntil(oslo("2026-03-02T09:59:59"));
        assertThat(kinds(beforeDeadline)).doesNotContain("Breached");

        passTime(Duration.ofMillis(1001));
        List<SlaEvent> atDeadline = sla.readValuesToList();

        assertThat(kinds(atDeadline)).containsExactly("Breached");
        SlaEvent breach = atDeadline.get(0);
        assertThat(breach.getDueAt()).isEqualTo(oslo("2026-03-02T10:00"));
        assertThat(breach.getOccurredAt()).isEqualTo(oslo("2026-03-02T10:00"));
        assertThat(breach.getPolicyVersion()).isEqualTo(POLICY);
        assertThat(((SlaBreached) breach.getPayload()).getTargetMinutes()).isEqualTo(60);
        assertThat(breach.getEventId()).isEqualTo(eventId(ticketId, "breached", "0"));
        assertThat(status(ticketId).state()).isEqualTo(ClockState.BREACHED);
        assertThat(metrics.timerBreachLags).singleElement()
                .satisfies(lag -> assertThat(lag).isBetween(Duration.ZERO, Duration.ofSeconds(1)));
        assertThat(metrics.totalOpenClocks()).isZero();

        assertThat(passTimeUntil(oslo("2026-03-03T12:00"), Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void warningsFireAtEachThresholdOnceAndInOrder() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        sla.readValuesToList();

        List<SlaEvent> events = passTimeUntil(oslo("2026-03-02T12:00"));

        assertThat(kinds(events)).containsExactly("Warning50", "Warning75", "Warning90", "Breached");
        assertThat(events.subList(0, 3)).extracting(SlaEvent::getOccurredAt)
                .containsExactly(oslo("2026-03-02T09:30"), oslo("2026-03-02T09:45"), oslo("2026-03-02T09:54"));
        assertThat(events.subList(0, 3)).extracting(e -> ((SlaWarning) e.getPayload()).getBusinessMinutesElapsed())
                .containsExactly(30L, 45L, 54L);
        assertThat(events).extracting(SlaEvent::getEventId).doesNotHaveDuplicates();
    }

    @Test
    void firstResponseBeforeTheDeadlineIsMetWithTheBusinessMinutesUsed() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.SERIOUS, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T10:30"));
        sla.readValuesToList();

        send(responded(ticketId, oslo("2026-03-02T10:30")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("Met");
        SlaMet met = (SlaMet) events.get(0).getPayload();
        assertThat(met.getBusinessMinutesUsed()).isEqualTo(90);
        assertThat(met.getTargetMinutes()).isEqualTo(240);
        assertThat(met.getConsultant()).isEqualTo("per@biztek.no");
        assertThat(events.get(0).getDueAt()).isEqualTo(oslo("2026-03-02T13:00"));
        assertThat(metrics.met).containsExactly(no.biztek.support.policy.Severity.SERIOUS);
        assertThat(passTimeUntil(oslo("2026-03-02T15:00"))).isEmpty();
        assertThat(status(ticketId).state()).isEqualTo(ClockState.MET);
    }

    @Test
    void responseStampedBeforeTheDeadlineButArrivingJustAfterItIsMetIfTheBreachHasNotFired() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        clock.set(oslo("2026-03-02T10:00:00.100")); // the punctuator has not run since the deadline

        send(responded(ticketId, oslo("2026-03-02T09:59:59")));

        assertThat(kinds(sla.readValuesToList())).containsExactly("ClockStarted", "Met");
    }

    @Test
    void responseAfterTheBreachIsRecordedWithoutASecondVerdict() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T10:10"));
        sla.readValuesToList();

        send(responded(ticketId, oslo("2026-03-02T10:10")));

        assertThat(sla.readValuesToList()).isEmpty();
        ClockReading clockState = status(ticketId);
        assertThat(clockState.state()).isEqualTo(ClockState.BREACHED);
        assertThat(clockState.respondedAt()).isEqualTo(oslo("2026-03-02T10:10"));
        assertThat(metrics.met).isEmpty();
    }

    @Test
    void responseAtOrAfterTheDeadlineArrivingBeforeTheTimerIsABreach() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        sla.readValuesToList();

        send(responded(ticketId, oslo("2026-03-02T10:00")));

        assertThat(kinds(sla.readValuesToList())).containsExactly("Breached");
        assertThat(status(ticketId).respondedAt()).isEqualTo(oslo("2026-03-02T10:00"));
    }

    @Test
    void ticketArrivingAfterItsDeadlineBreachesAtOnce() {
        startAt(oslo("2026-03-04T11:00"));
        String ticketId = newTicketId();

        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("ClockStarted", "Breached");
        assertThat(events.get(1).getOccurredAt()).isEqualTo(oslo("2026-03-02T10:00"));
        assertThat(metrics.inputBreachLags).singleElement().isEqualTo(Duration.ofHours(49));
        assertThat(metrics.timerBreachLags).isEmpty();
        assertThat(passTimeUntil(oslo("2026-03-04T12:00"))).isEmpty();
    }

    @Test
    void downgradeBeforeTheDeadlineMovesItAndArmsItsWarningsAgain() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T09:40")); // the 50 % warning is out
        sla.readValuesToList();

        send(severityChanged(ticketId, Severity.LESS_SERIOUS, SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE,
                oslo("2026-03-02T09:40")));

        List<SlaEvent> changed = sla.readValuesToList();
        assertThat(kinds(changed)).containsExactly("DeadlineChanged");
        SlaEvent event = changed.get(0);
        assertThat(event.getSeverity()).isEqualTo(Severity.LESS_SERIOUS);
        assertThat(event.getDueAt()).isEqualTo(oslo("2026-03-03T08:00"));
        assertThat(event.getOpenedAt()).isEqualTo(MONDAY_0900);
        SlaDeadlineChanged payload = (SlaDeadlineChanged) event.getPayload();
        assertThat(payload.getPreviousSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(payload.getPreviousDueAt()).isEqualTo(oslo("2026-03-02T10:00"));
        assertThat(payload.getTargetMinutes()).isEqualTo(480);
        assertThat(payload.getReason()).isEqualTo(SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE);
        assertThat(payload.getReasonCode()).isEqualTo("CUSTOMER_RESOURCES_UNAVAILABLE");

        // the critical 50 % warning went out at 09:30; the new deadline's thresholds all lie after the change
        List<SlaEvent> later = passTimeUntil(oslo("2026-03-03T09:00"), Duration.ofMinutes(10));
        assertThat(kinds(later)).containsExactly("Warning50", "Warning75", "Warning90", "Breached");
        assertThat(later).extracting(SlaEvent::getOccurredAt).containsExactly(oslo("2026-03-02T13:00"),
                oslo("2026-03-02T15:00"), oslo("2026-03-03T07:12"), oslo("2026-03-03T08:00"));
        assertThat(later).allSatisfy(e -> assertThat(e.getSeverity()).isEqualTo(Severity.LESS_SERIOUS));
    }

    @Test
    void upgradeWhoseRecomputedDeadlineHasPassedBreachesAtOnce() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.LESS_SERIOUS, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T10:30"));
        sla.readValuesToList();

        send(severityChanged(ticketId, Severity.CRITICAL, SeverityChangeReason.IMPACT_REASSESSED,
                oslo("2026-03-02T10:30")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("DeadlineChanged", "Breached");
        assertThat(events.get(1).getDueAt()).isEqualTo(oslo("2026-03-02T10:00"));
        assertThat(events.get(1).getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(status(ticketId).state()).isEqualTo(ClockState.BREACHED);
    }

    @Test
    void severityChangeAfterTheVerdictChangesNothing() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T10:05"));
        sla.readValuesToList();
        ClockReading breached = status(ticketId);

        send(severityChanged(ticketId, Severity.LESS_SERIOUS, SeverityChangeReason.CUSTOMER_ANSWERS_MISSING,
                oslo("2026-03-02T10:05")));

        assertThat(sla.readValuesToList()).isEmpty();
        assertThat(status(ticketId).state()).isEqualTo(ClockState.BREACHED);
        assertThat(status(ticketId).dueAt()).isEqualTo(breached.dueAt());
        assertThat(status(ticketId).severity()).isEqualTo(no.biztek.support.policy.Severity.CRITICAL);
        assertThat(metrics.ignored).containsExactly("SeverityChanged");
    }

    @Test
    void resolvedBeforeAFirstResponseStopsTheClock() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T09:20"));
        sla.readValuesToList();

        send(resolved(ticketId, oslo("2026-03-02T09:20")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("ClockStopped");
        SlaClockStopped stopped = (SlaClockStopped) events.get(0).getPayload();
        assertThat(stopped.getReason()).isEqualTo(ClockStopReason.RESOLVED_WITHOUT_RESPONSE);
        assertThat(stopped.getBusinessMinutesElapsed()).isEqualTo(20);
        assertThat(passTimeUntil(oslo("2026-03-02T12:00"))).isEmpty();
        assertThat(status(ticketId).state()).isEqualTo(ClockState.STOPPED);
        assertThat(metrics.totalOpenClocks()).isZero();
    }

    @Test
    void reopenResumesWithTheRemainingBusinessTime() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T09:20"));
        send(resolved(ticketId, oslo("2026-03-02T09:20"))); // 20 of 60 minutes used
        passTimeUntil(oslo("2026-03-02T09:40"));
        sla.readValuesToList();

        send(reopened(ticketId, oslo("2026-03-02T09:40")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("ClockStarted");
        assertThat(events.get(0).getDueAt()).isEqualTo(oslo("2026-03-02T10:20"));
        assertThat(events.get(0).getOccurredAt()).isEqualTo(oslo("2026-03-02T09:40"));
        List<SlaEvent> later = passTimeUntil(oslo("2026-03-02T11:00"));
        assertThat(kinds(later)).containsExactly("Warning50", "Warning75", "Warning90", "Breached");
        assertThat(later).extracting(SlaEvent::getOccurredAt).containsExactly(oslo("2026-03-02T09:50"),
                oslo("2026-03-02T10:05"), oslo("2026-03-02T10:14"), oslo("2026-03-02T10:20"));
        assertThat(status(ticketId).businessMinutesUsed()).as("time while resolved does not count").isEqualTo(100);
    }

    @Test
    void reopenedLongAfterTheOldDeadlineStillHasItsRemainingTime() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        send(resolved(ticketId, oslo("2026-03-02T09:05")));
        passTimeUntil(oslo("2026-03-02T10:30"));
        sla.readValuesToList();

        send(reopened(ticketId, oslo("2026-03-02T10:30")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("ClockStarted");
        assertThat(events.get(0).getDueAt()).isEqualTo(oslo("2026-03-02T11:25"));
    }

    /** Issue example: resolved without a response, reopened at 03:00 on a Saturday: no breach, no night page. */
    @Test
    void ticketReopenedOnASaturdayNightResumesAtTheNextOpening() {
        Instant friday = oslo("2026-03-06T14:00");
        startAt(friday);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.SERIOUS, friday)); // due Monday 09:00
        passTimeUntil(oslo("2026-03-06T15:00"));
        send(resolved(ticketId, oslo("2026-03-06T15:00"))); // 1 of 4 hours used
        passTimeUntil(oslo("2026-03-07T03:00"), Duration.ofMinutes(30));
        sla.readValuesToList();

        send(reopened(ticketId, oslo("2026-03-07T03:00")));

        List<SlaEvent> reopened = sla.readValuesToList();
        assertThat(kinds(reopened)).containsExactly("ClockStarted");
        assertThat(reopened.get(0).getDueAt()).isEqualTo(oslo("2026-03-09T10:00"));
        assertThat(passTimeUntil(oslo("2026-03-09T07:00"), Duration.ofMinutes(30)))
                .as("nothing fires over the weekend").isEmpty();
        assertThat(status(ticketId).state()).isEqualTo(ClockState.RUNNING);
    }

    @Test
    void responseWhileResolvedIsMetAtOnceWithTheTimeUsedBeforeTheResolution() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        send(resolved(ticketId, oslo("2026-03-02T09:20")));
        passTimeUntil(oslo("2026-03-02T10:30"));
        sla.readValuesToList();

        send(responded(ticketId, oslo("2026-03-02T10:30"))); // after the old deadline, but the clock was paused

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("Met");
        SlaMet met = (SlaMet) events.get(0).getPayload();
        assertThat(met.getRespondedAt()).isEqualTo(oslo("2026-03-02T10:30"));
        assertThat(met.getConsultant()).isEqualTo("per@biztek.no");
        assertThat(met.getBusinessMinutesUsed()).isEqualTo(20);
        send(reopened(ticketId, oslo("2026-03-02T10:45")));
        assertThat(sla.readValuesToList()).isEmpty();
        assertThat(passTimeUntil(oslo("2026-03-02T12:00"))).isEmpty();
        assertThat(status(ticketId).state()).isEqualTo(ClockState.MET);
    }

    @Test
    void severityChangedWhileResolvedIsMeasuredAfterTheReopening() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        send(resolved(ticketId, oslo("2026-03-02T09:20")));
        sla.readValuesToList();
        send(severityChanged(ticketId, Severity.LESS_SERIOUS, SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE,
                oslo("2026-03-02T09:25")));
        List<SlaEvent> changed = sla.readValuesToList();
        assertThat(kinds(changed)).containsExactly("DeadlineChanged");
        assertThat(changed.get(0).getSeverity()).isEqualTo(Severity.LESS_SERIOUS);
        assertThat(status(ticketId).state()).isEqualTo(ClockState.STOPPED);
        passTimeUntil(oslo("2026-03-02T09:40"));
        assertThat(sla.readValuesToList()).isEmpty(); // nothing is measured while resolved

        send(reopened(ticketId, oslo("2026-03-02T09:40")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("ClockStarted");
        assertThat(events.get(0).getSeverity()).isEqualTo(Severity.LESS_SERIOUS);
        assertThat(events.get(0).getDueAt()).isEqualTo(oslo("2026-03-03T08:20")); // 8 h less the 20 minutes used
        assertThat(kinds(passTimeUntil(oslo("2026-03-02T11:00")))).isEmpty(); // the critical deadline is gone
        List<SlaEvent> later = passTimeUntil(oslo("2026-03-03T09:00"), Duration.ofMinutes(10));
        assertThat(kinds(later)).containsExactly("Warning50", "Warning75", "Warning90", "Breached");
        assertThat(later).extracting(SlaEvent::getOccurredAt).containsExactly(oslo("2026-03-02T13:20"),
                oslo("2026-03-02T15:20"), oslo("2026-03-03T07:32"), oslo("2026-03-03T08:20"));
    }

    @Test
    void changeArrivingAfterTheOldDeadlinePassedKeepsTheBreachUnderTheOldSeverity() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        sla.readValuesToList();
        // the timer has not run since 09:00: the downgrade stamped 10:15 arrives after the critical deadline
        clock.advance(Duration.ofMinutes(80));

        send(severityChanged(ticketId, Severity.LESS_SERIOUS, SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE,
                oslo("2026-03-02T10:15")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("Breached");
        assertThat(events.get(0).getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(events.get(0).getDueAt()).isEqualTo(oslo("2026-03-02T10:00"));
        assertThat(status(ticketId).severity()).isEqualTo(no.biztek.support.policy.Severity.CRITICAL);
    }

    @Test
    void reopenAfterTheVerdictChangesNothingForTheFirstResponse() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        send(responded(ticketId, oslo("2026-03-02T09:10")));
        send(resolved(ticketId, oslo("2026-03-02T09:30")));
        sla.readValuesToList();

        send(reopened(ticketId, oslo("2026-03-02T09:45")));

        assertThat(sla.readValuesToList()).isEmpty();
        assertThat(passTimeUntil(oslo("2026-03-02T11:00"))).isEmpty();
        assertThat(status(ticketId).state()).isEqualTo(ClockState.MET);
        assertThat(status(ticketId).pauseReason()).isNull();
    }

    /** Issue example: a response stamped a minute before the deadline, arriving after the wall-clock breach. */
    @Test
    void lateResponseStampedBeforeTheDeadlineWithdrawsTheBreach() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        List<SlaEvent> breach = passTimeUntil(oslo("2026-03-02T10:20"));
        assertThat(kinds(breach)).endsWith("Breached");
        SlaEvent breached = breach.get(breach.size() - 1);

        send(responded(ticketId, oslo("2026-03-02T09:59")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("Corrected", "Met");
        SlaCorrected correction = (SlaCorrected) events.get(0).getPayload();
        assertThat(correction.getSupersededEventId()).isEqualTo(breached.getEventId());
        assertThat(correction.getKind()).isEqualTo(SlaCorrectionKind.BREACH_WITHDRAWN);
        assertThat(correction.getState()).isEqualTo(SlaClockState.MET);
        assertThat(correction.getRespondedAt()).isEqualTo(oslo("2026-03-02T09:59"));
        assertThat(events.get(0).getOccurredAt()).isEqualTo(oslo("2026-03-02T10:20"));
        SlaMet met = (SlaMet) events.get(1).getPayload();
        assertThat(met.getBusinessMinutesUsed()).isEqualTo(59);
        assertThat(events.get(1).getEventId()).isNotEqualTo(breached.getEventId());
        assertThat(status(ticketId).state()).isEqualTo(ClockState.MET);
        assertThat(metrics.corrections).containsExactly("BREACH_WITHDRAWN");
        assertThat(metrics.timerBreachLags).as("the breach stays counted: the counter is monotonic").hasSize(1);
        assertThat(metrics.met).hasSize(1);
        assertThat(passTimeUntil(oslo("2026-03-02T12:00"))).isEmpty();
    }

    /** Issue example: a downgrade stamped before the old deadline, arriving after it passed. */
    @Test
    void lateDowngradeStampedBeforeTheDeadlineMovesItAndWithdrawsTheBreach() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T10:30"));
        sla.readValuesToList();

        send(severityChanged(ticketId, Severity.LESS_SERIOUS, SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE,
                oslo("2026-03-02T09:50")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("Corrected");
        SlaCorrected correction = (SlaCorrected) events.get(0).getPayload();
        assertThat(correction.getKind()).isEqualTo(SlaCorrectionKind.BREACH_WITHDRAWN);
        assertThat(correction.getState()).isEqualTo(SlaClockState.RUNNING);
        assertThat(events.get(0).getSeverity()).isEqualTo(Severity.LESS_SERIOUS);
        assertThat(events.get(0).getDueAt()).isEqualTo(oslo("2026-03-03T08:00"));
        assertThat(status(ticketId).state()).isEqualTo(ClockState.RUNNING);
        assertThat(status(ticketId).dueAt()).isEqualTo(oslo("2026-03-03T08:00"));
        assertThat(metrics.totalOpenClocks()).isEqualTo(1);
        List<SlaEvent> later = passTimeUntil(oslo("2026-03-03T09:00"), Duration.ofMinutes(10));
        assertThat(kinds(later)).containsExactly("Warning50", "Warning75", "Warning90", "Breached");
        assertThat(later.get(3).getEventId()).isNotEqualTo(eventId(ticketId, "breached", "0"));
    }

    @Test
    void lateUpgradeWhoseDeadlinePassedBeforeTheResponseTurnsTheMetIntoABreach() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.LESS_SERIOUS, MONDAY_0900));
        passTimeUntil(oslo("2026-03-02T10:30"));
        send(responded(ticketId, oslo("2026-03-02T10:30")));
        assertThat(kinds(sla.readValuesToList())).containsExactly("Met");
        String metId = eventId(ticketId, "met", "0");

        send(severityChanged(ticketId, Severity.CRITICAL, SeverityChangeReason.IMPACT_REASSESSED,
                oslo("2026-03-02T09:30")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("Corrected", "Breached");
        SlaCorrected correction = (SlaCorrected) events.get(0).getPayload();
        assertThat(correction.getSupersededEventId()).isEqualTo(metId);
        assertThat(correction.getKind()).isEqualTo(SlaCorrectionKind.MET_WITHDRAWN);
        assertThat(correction.getState()).isEqualTo(SlaClockState.BREACHED);
        assertThat(events.get(1).getDueAt()).isEqualTo(oslo("2026-03-02T10:00"));
        assertThat(events.get(1).getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(status(ticketId).state()).isEqualTo(ClockState.BREACHED);
        assertThat(metrics.inputBreachLags).hasSize(1);
    }

    @Test
    void lateUpgradeThatMovesABreachEarlierRevisesItWithoutASecondBreach() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.SERIOUS, MONDAY_0900)); // due 13:00
        passTimeUntil(oslo("2026-03-02T13:30"));
        sla.readValuesToList();

        send(severityChanged(ticketId, Severity.CRITICAL, SeverityChangeReason.IMPACT_REASSESSED,
                oslo("2026-03-02T09:10")));

        List<SlaEvent> events = sla.readValuesToList();
        assertThat(kinds(events)).containsExactly("Corrected");
        SlaCorrected correction = (SlaCorrected) events.get(0).getPayload();
        assertThat(correction.getKind()).isEqualTo(SlaCorrectionKind.VERDICT_REVISED);
        assertThat(correction.getSupersededEventId()).isEqualTo(eventId(ticketId, "breached", "0"));
        assertThat(events.get(0).getDueAt()).isEqualTo(oslo("2026-03-02T10:00"));
        assertThat(metrics.timerBreachLags).hasSize(1);
        assertThat(metrics.inputBreachLags).isEmpty();
    }

    @Test
    void aTaskStartingWithABacklogFiresNoTimerBeforeItHasReadIt() {
        // the partition held three records when the task started: the opening, a response stamped before the
        // deadline, and another ticket
        startAt(oslo("2026-03-02T10:30"), settings(10_000, Duration.ofDays(30)),
                partition -> CompletableFuture.completedFuture(new InputBacklog(0, 3)));
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        passTime(Duration.ofSeconds(5));
        assertThat(kinds(sla.readValuesToList())).as("no breach while the backlog is read")
                .containsExactly("ClockStarted");
        assertThat(status(ticketId).state()).as("the status still says what the wall clock says")
                .isEqualTo(ClockState.BREACHED);

        send(responded(ticketId, oslo("2026-03-02T09:55")));
        send(opened(newTicketId(), Severity.SERIOUS, oslo("2026-03-02T10:29")));
        passTime(Duration.ofSeconds(5));

        assertThat(kinds(sla.readValuesToList())).containsExactly("Met", "ClockStarted");
        assertThat(metrics.corrections).isEmpty();
        assertThat(metrics.timerBreachLags).isEmpty();
    }

    @Test
    void aTaskWhoseBacklogCannotBeToldFiresItsTimersAfterTheWait() {
        startAt(oslo("2026-03-02T10:30"), settings(10_000, Duration.ofDays(30)),
                partition -> new CompletableFuture<>());
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        passTime(Duration.ofSeconds(29));
        assertThat(kinds(sla.readValuesToList())).containsExactly("ClockStarted");

        passTime(Duration.ofSeconds(2));

        assertThat(kinds(sla.readValuesToList())).containsExactly("Breached");
        assertThat(metrics.timerBreachLags).singleElement()
                .satisfies(lag -> assertThat(lag).isEqualTo(Duration.ofMinutes(30).plusSeconds(31)));
    }

    @Test
    void duplicateEventsChangeNothingAndAreCounted() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();
        TicketEvent opened = opened(ticketId, Severity.SERIOUS, MONDAY_0900);
        TicketEvent response = responded(ticketId, oslo("2026-03-02T09:30"));

        send(opened);
        send(opened);
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900)); // opened again under another event id
        send(response);
        send(response);

        assertThat(kinds(sla.readValuesToList())).containsExactly("ClockStarted", "Met");
        assertThat(metrics.duplicates).containsExactly("TicketOpened", "TicketOpened", "FirstResponseRecorded");
        assertThat(status(ticketId).severity()).isEqualTo(no.biztek.support.policy.Severity.SERIOUS);
    }

    @Test
    void eventsForUnknownTicketsAreDeadLetteredWithTheReasonAndCounted() {
        startAt(MONDAY_0900);
        String ticketId = newTicketId();

        send(responded(ticketId, MONDAY_0900));
        send(severityChanged(ticketId, Severity.CRITICAL, SeverityChangeReason.OTHER, MONDAY_0900));
        send(resolved(ticketId, MONDAY_0900));
        send(reopened(ticketId, MONDAY_0900));

        assertThat(sla.readValuesToList()).isEmpty();
        assertThat(stored(ticketId)).isNull();
        assertThat(metrics.unknown).containsExactly("FirstResponseRecorded", "SeverityChanged", "TicketResolved",
                "TicketReopened");
        assertThat(deadLetters).hasSize(4).allSatisfy(dead -> assertThat(header(dead, DeadLetterHeaders.REASON))
                .contains("has no SLA clock").contains("support.sla.closed-clock-retention"));
    }

    @Test
    void aFactArrivingAfterItsClocksRetentionIsDeadLettered() {
        startAt(MONDAY_0900, settings(100, Duration.ofDays(30)));
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        send(responded(ticketId, oslo("2026-03-02T09:05")));
        passTimeUntil(oslo("2026-04-02T09:00"), Duration.ofHours(12));
        assertThat(stored(ticketId)).as("deleted 30 days after its last change").isNull();

        TicketEvent late = severityChanged(ticketId, Severity.LESS_SERIOUS, SeverityChangeReason.CUSTOMER_REQUEST,
                oslo("2026-03-02T09:02"));
        send(late);

        assertThat(deadLetters).singleElement().satisfies(dead -> {
            assertThat(Topics.TICKET_EVENTS.valueSerde().deserializer().deserialize(Topics.TICKET_EVENTS.name(),
                    dead.value())).isEqualTo(late);
            assertThat(header(dead, DeadLetterHeaders.REASON)).contains("closed more than PT720H");
        });
        assertThat(metrics.unknown).containsExactly("SeverityChanged");
    }

    @Test
    void criticalTicketOpenedOnGoodFridayEveningIsDueTheTuesdayAfterEaster() {
        // Easter 2026: Maundy Thursday 2 April, Good Friday 3 April, Easter Monday 6 April are closed
        Instant goodFridayEvening = oslo("2026-04-03T19:30");
        startAt(goodFridayEvening);
        String ticketId = newTicketId();

        send(opened(ticketId, Severity.CRITICAL, goodFridayEvening));

        List<SlaEvent> started = sla.readValuesToList();
        assertThat(started.get(0).getDueAt()).isEqualTo(oslo("2026-04-07T08:00"));
        assertThat(((SlaClockStarted) started.get(0).getPayload()).getPagesAroundTheClock()).isTrue();
        assertThat(passTimeUntil(oslo("2026-04-07T07:00"), Duration.ofMinutes(30)))
                .as("nothing fires over the Easter weekend").isEmpty();
        List<SlaEvent> tuesday = passTimeUntil(oslo("2026-04-07T08:30"));
        assertThat(kinds(tuesday)).containsExactly("Warning50", "Warning75", "Warning90", "Breached");
        assertThat(tuesday).extracting(SlaEvent::getOccurredAt).containsExactly(oslo("2026-04-07T07:30"),
                oslo("2026-04-07T07:45"), oslo("2026-04-07T07:54"), oslo("2026-04-07T08:00"));
    }

    @Test
    void ticketOpenedTheFridayEveningBeforeEasterWeekCountsOverTheDaylightSavingSwitch() {
        // Friday 27 March 2026 evening; Oslo moves to summer time on Sunday 29 March
        Instant fridayEvening = oslo("2026-03-27T18:00");
        startAt(fridayEvening);
        String ticketId = newTicketId();

        send(opened(ticketId, Severity.SERIOUS, fridayEvening));

        assertThat(sla.readValuesToList().get(0).getDueAt()).isEqualTo(oslo("2026-03-30T11:00"));
        assertThat(passTimeUntil(oslo("2026-03-30T07:00"), Duration.ofMinutes(30))).isEmpty();
        List<SlaEvent> monday = passTimeUntil(oslo("2026-03-30T11:00:01"));
        assertThat(kinds(monday)).containsExactly("Warning50", "Warning75", "Warning90", "Breached");
        assertThat(monday).extracting(SlaEvent::getOccurredAt).containsExactly(oslo("2026-03-30T09:00"),
                oslo("2026-03-30T10:00"), oslo("2026-03-30T10:36"), oslo("2026-03-30T11:00"));
    }

    @Test
    void punctuationHandlesABoundedNumberOfTimersAndContinuesAtTheNext() {
        startAt(oslo("2026-03-02T07:00"), settings(3, Duration.ofDays(30)));
        List<String> ticketIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String ticketId = newTicketId();
            ticketIds.add(ticketId);
            send(opened(ticketId, Severity.CRITICAL, oslo("2026-03-02T07:00")));
        }
        clock.set(oslo("2026-03-02T08:30")); // every deadline (08:00) has passed; the punctuator has not run
        sla.readValuesToList();

        List<Integer> breachesPerTick = new ArrayList<>();
        for (int tick = 0; tick < 4; tick++) {
            passTime(Duration.ofMillis(250));
            breachesPerTick.add((int) sla.readValuesToList().stream().filter(e -> e.getPayload() instanceof SlaBreached)
                    .count());
        }

        assertThat(breachesPerTick).containsExactly(3, 3, 2, 0);
        assertThat(ticketIds).allSatisfy(id -> assertThat(status(id).state()).isEqualTo(ClockState.BREACHED));
        KeyValueStore<Bytes, byte[]> timers = driver.getKeyValueStore(SlaTopology.TIMER_STORE);
        assertThat(new no.biztek.support.kafka.timer.TimerIndex(timers).position())
                .as("the stored scan position has moved past everything handled").isAfter(oslo("2026-03-02T08:30"));
    }

    @Test
    void aDeadlineEarlierThanEveryTimerTheTaskHadFiresAtTheFirstPunctuationAfterIt() {
        startAt(MONDAY_0900);
        send(opened(newTicketId(), Severity.LESS_SERIOUS, MONDAY_0900)); // its first timer is hours away
        assertThat(passTimeUntil(oslo("2026-03-02T09:10"), Duration.ofMillis(250))).as("nothing due yet")
                .noneMatch(event -> event.getPayload() instanceof SlaWarning || event.getPayload() instanceof SlaBreached);
        String urgent = newTicketId();

        send(opened(urgent, Severity.CRITICAL, clock.instant()));

        Instant dueAt = sla.readValuesToList().get(0).getDueAt();
        List<SlaEvent> before = passTimeUntil(dueAt.minusMillis(1), Duration.ofMinutes(1));
        assertThat(kinds(before)).containsExactly("Warning50", "Warning75", "Warning90");
        passTime(Duration.ofMillis(250));
        List<SlaEvent> breached = sla.readValuesToList();
        assertThat(kinds(breached)).as("within one punctuation interval of the deadline").containsExactly("Breached");
        assertThat(breached.get(0).getTicketId()).isEqualTo(urgent);
    }

    @Test
    void closedClocksAreDeletedAfterTheirRetention() {
        startAt(MONDAY_0900, settings(100, Duration.ofHours(2)));
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));
        send(responded(ticketId, oslo("2026-03-02T09:05")));

        passTime(Duration.ofMinutes(119));
        assertThat(stored(ticketId)).isNotNull();
        passTime(Duration.ofMinutes(2));
        assertThat(stored(ticketId)).isNull();
        KeyValueStore<Bytes, byte[]> timers = driver.getKeyValueStore(SlaTopology.TIMER_STORE);
        assertThat(new no.biztek.support.kafka.timer.TimerIndex(timers).due(Instant.parse("2100-01-01T00:00:00Z"), 100))
                .as("no timer left").isEmpty();
    }

    @Test
    void openClocksAreCountedPerTask() {
        startAt(MONDAY_0900);
        String first = newTicketId();
        String second = newTicketId();
        send(opened(first, Severity.CRITICAL, MONDAY_0900));
        send(opened(second, Severity.SERIOUS, MONDAY_0900));
        assertThat(metrics.totalOpenClocks()).isEqualTo(2);

        send(responded(first, oslo("2026-03-02T09:01")));

        assertThat(metrics.totalOpenClocks()).isEqualTo(1);
        KeyValueStore<String, byte[]> meta = driver.getKeyValueStore(SlaTopology.META_STORE);
        assertThat(java.nio.ByteBuffer.wrap(meta.get(SlaClockProcessor.OPEN_CLOCKS)).getLong()).isEqualTo(1);
    }

    @Test
    void undecodableRecordGoesToTheDeadLetterTopicAndProcessingGoesOn() {
        startAt(MONDAY_0900);
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.TICKET_EVENTS.name(),
                new StringSerializer(), new ByteArraySerializer());
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

        raw.pipeInput("some-ticket", garbage);
        String ticketId = newTicketId();
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));

        assertThat(kinds(sla.readValuesToList())).containsExactly("ClockStarted");
        assertThat(deadLetters).singleElement().satisfies(dead -> {
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("some-ticket");
            assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.TICKET_EVENTS.name());
            assertThat(header(dead, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("0");
            assertThat(header(dead, DeadLetterHeaders.REASON)).contains("SerializationException");
            assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("sla-timer-service");
        });
    }

    @Test
    void eventThatCannotBeMeasuredGoesToTheDeadLetterTopicAndProcessingGoesOn() {
        startAt(MONDAY_0900);
        String tooOld = newTicketId();
        String ticketId = newTicketId();
        TicketEvent beforeAnyPolicy = opened(tooOld, Severity.CRITICAL, Instant.parse("2019-06-03T08:00:00Z"));

        send(beforeAnyPolicy);
        tickets.pipeInput("another-key", opened(newTicketId(), Severity.CRITICAL, MONDAY_0900));
        send(opened(ticketId, Severity.CRITICAL, MONDAY_0900));

        assertThat(sla.readValuesToList()).extracting(SlaEvent::getTicketId).containsExactly(ticketId);
        assertThat(deadLetters).hasSize(2);
        assertThat(Topics.TICKET_EVENTS.valueSerde().deserializer()
                .deserialize(Topics.TICKET_EVENTS.name(), deadLetters.get(0).value())).isEqualTo(beforeAnyPolicy);
        assertThat(header(deadLetters.get(0), DeadLetterHeaders.REASON)).contains("no policy version is in force");
        assertThat(header(deadLetters.get(1), DeadLetterHeaders.REASON)).contains("differs from ticketId");
        assertThat(stored(tooOld)).isNull();
    }

    private static String header(org.apache.kafka.streams.test.TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
