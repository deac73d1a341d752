package no.biztek.support.sla.clock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaWarning;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.testing.MutableClock;

/** The real SLA topology in a {@link TopologyTestDriver}, driven by a controllable wall clock. */
abstract class SlaTopologyHarness {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Monday 2 March 2026 09:00 in Oslo (CET). */
    static final Instant MONDAY_0900 = oslo("2026-03-02T09:00");

    @TempDir
    Path stateDir;

    MutableClock clock;
    TopologyTestDriver driver;
    TestInputTopic<String, TicketEvent> tickets;
    TestOutputTopic<String, SlaEvent> sla;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    static TopologySettings settings(int maxTimersPerPunctuation, Duration retention) {
        return new TopologySettings("sla-timer-service", Duration.ofMillis(250), maxTimersPerPunctuation, retention,
                Duration.ofSeconds(30));
    }

    void start(String applicationId, PlanCatalogue plans, ClockMetrics metrics, Instant now,
               TopologySettings settings, InputBacklog.Lookup backlog) {
        clock = new MutableClock(now);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(SlaTopology.build(plans, clock::instant, settings, metrics, backlog,
                new DeadLetterMetrics(new SimpleMeterRegistry())), props, now);
        tickets = driver.createInputTopic(Topics.TICKET_EVENTS.name(), Topics.TICKET_EVENTS.keySerde().serializer(),
                Topics.TICKET_EVENTS.valueSerde().serializer());
        sla = driver.createOutputTopic(Topics.SLA_EVENTS.name(), Topics.SLA_EVENTS.keySerde().deserializer(),
                Topics.SLA_EVENTS.valueSerde().deserializer());
    }

    /** Moves the wall clock and lets the punctuator run, as time passing does in production. */
    void passTime(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    /** Moves the wall clock in 5-minute steps until {@code until}, collecting the SLA events. */
    List<SlaEvent> passTimeUntil(Instant until) {
        return passTimeUntil(until, Duration.ofMinutes(5));
    }

    /** Moves the wall clock in steps until {@code until}, the punctuator running at each, collecting the SLA events. */
    List<SlaEvent> passTimeUntil(Instant until, Duration stepSize) {
        List<SlaEvent> events = new ArrayList<>();
        while (clock.instant().isBefore(until)) {
            Duration step = Duration.between(clock.instant(), until);
            passTime(step.compareTo(stepSize) > 0 ? stepSize : step);
            events.addAll(sla.readValuesToList());
        }
        return events;
    }

    void send(TicketEvent event) {
        tickets.pipeInput(event.getTicketId(), event, clock.instant());
    }

    SlaClock stored(String ticketId) {
        KeyValueStore<String, SlaClock> store = driver.getKeyValueStore(SlaTopology.CLOCK_STORE);
        return store.get(ticketId);
    }

    static Instant oslo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
    }

    static List<String> kinds(List<SlaEvent> events) {
        return events.stream().map(event -> event.getPayload() instanceof SlaWarning warning
                ? "Warning" + warning.getThresholdPercent()
                : event.getPayload().getClass().getSimpleName().replace("Sla", "")).toList();
    }
}
