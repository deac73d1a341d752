package no.biztek.support.sla.clock;

import static no.biztek.support.testing.TicketEvents.newTicketId;
import static no.biztek.support.testing.TicketEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockResumed;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketResumed;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.testing.MutableClock;

/** Holds pausing the metrics their reason pauses, and tickets measured under the plan TicketOpened names. */
class HoldsAndPlansTopologyTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Monday 2 March 2026 09:00 in Oslo (CET). */
    private static final Instant MONDAY_0900 = oslo("2026-03-02T09:00");

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

    @TempDir
    Path stateDir;

    private MutableClock clock;
    private TopologyTestDriver driver;
    private TestInputTopic<String, TicketEvent> tickets;
    private TestOutputTopic<String, SlaEvent> sla;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

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
        clock = new MutableClock(now);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-timer-holds-ttd");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        TopologySettings settings = new TopologySettings("sla-timer-service", Duration.ofMillis(250), 10_000,
                Duration.ofDays(30), Duration.ofSeconds(30));
        driver = new TopologyTestDriver(SlaTopology.build(plans, clock::instant, settings, metrics,
                InputBacklog.Lookup.NONE, new DeadLetterMetrics(new SimpleMeterRegistry())), props, now);
        tickets = driver.createInputTopic(Topics.TICKET_EVENTS.name(), Topics.TICKET_EVENTS.keySerde().serializer(),
                Topics.TICKET_EVENTS.valueSerde().serializer());
        sla = driver.createOutputTopic(Topics.SLA_EVENTS.name(), Topics.SLA_EVENTS.keySerde().deserializer(),
                Topics.SLA_EVENTS.valueSerde().deserializer());
    }

    /** Moves the wall clock in 5-minute steps until {@code until}, the punctuator running at each. */
    private List<SlaEvent> passTimeUntil(Instant until) {
        List<SlaEvent> events = new ArrayList<>();
        while (clock.instant().isBefore(until)) {
            Duration step = Duration.between(clock.instant(), until);
            step = step.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : step;
            clock.advance(step);
            driver.advanceWallClockTime(step);
            events.addAll(sla.readValuesToList());
        }
        return events;
    }

    private void send(TicketEvent event) {
        tickets.pipeInput(event.getTicketId(), event, clock.instant());
    }

    private SlaClock stored(String ticketId) {
        KeyValueStore<String, SlaClock> store = driver.getKeyValueStore(SlaTopology.CLOCK_STORE);
        return store.get(ticketId);
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

    private static TicketEvent held(String ticketId, String reason, Instant heldAt) {
        return event(ticketId, heldAt, TicketHeld.newBuilder().setReason(reason).setHeldAt(heldAt).build());
    }

    private static TicketEvent resumed(String ticketId, Instant resumedAt) {
        return event(ticketId, resumedAt, TicketResumed.newBuilder().setResumedAt(resumedAt).build());
    }

    private static TicketEvent event(String ticketId, Instant occurredAt, Object payload) {
        return TicketEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTicketId(ticketId)
                .setCustomerId("customer-1").setOccurredAt(occurredAt).setProducer("intake-service")
                .setPayload(payload).build();
    }

    private static Instant oslo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
    }
}
