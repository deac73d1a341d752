package no.biztek.support.sla.it;

import static no.biztek.support.testing.TicketEvents.newTicketId;
import static no.biztek.support.testing.TicketEvents.opened;
import static no.biztek.support.testing.TicketEvents.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.sla.SlaWarning;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.testing.MutableClock;

/** The real application against a real broker: ticket events in, SLA events out, status over HTTP, metrics. */
class SlaEndToEndTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant MONDAY_0900 = oslo("2026-03-02T09:00");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path stateDir;

    private static MutableClock clock;
    private static SlaInstance app;

    @BeforeAll
    static void start() {
        clock = new MutableClock(MONDAY_0900);
        app = SlaInstance.start("sla-it-e2e-" + UUID.randomUUID(), stateDir, clock);
        await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static Instant oslo(String local) {
        return LocalDateTime.parse(local).atZone(OSLO).toInstant();
    }

    @Test
    void ticketEventsBecomeSlaEventsAndTheStatusIsServed() throws Exception {
        String breaching = newTicketId();
        String met = newTicketId();
        clock.set(MONDAY_0900);
        try (var sla = KafkaTestClients.slaEvents(List.of(breaching, met))) {
            KafkaTestClients.send(opened(breaching, Severity.CRITICAL, MONDAY_0900),
                    opened(met, Severity.SERIOUS, MONDAY_0900));
            await().atMost(Duration.ofSeconds(30)).until(() -> sla.poll().size() == 2);
            assertThat(sla.poll()).allSatisfy(r -> assertThat(r.value().getPayload()).isInstanceOf(SlaClockStarted.class));

            JsonNode running = JSON.readTree(app.get("/api/v1/tickets/" + breaching + "/sla", "reader-token").body());
            assertThat(running.get("ticketId").asString()).isEqualTo(breaching);
            assertThat(running.get("customerId").asString()).isEqualTo("customer-1");
            assertThat(running.get("severity").asInt()).isEqualTo(1);
            assertThat(running.get("policyVersion").asString()).isEqualTo("biztek-2020-01");
            assertThat(Instant.parse(running.get("openedAt").asString())).isEqualTo(MONDAY_0900);
            assertThat(Instant.parse(running.get("dueAt").asString())).isEqualTo(oslo("2026-03-02T10:00"));
            assertThat(running.get("state").asString()).isEqualTo("RUNNING");
            assertThat(running.get("respondedAt").isNull()).isTrue();
            assertThat(running.get("businessMinutesElapsed").asLong()).isZero();

            KafkaTestClients.send(responded(met, oslo("2026-03-02T09:20")));
            clock.set(oslo("2026-03-02T09:55"));
            await().atMost(Duration.ofSeconds(30)).until(() -> sla.poll().stream()
                    .filter(r -> r.value().getPayload() instanceof SlaWarning).count() == 3);
            clock.set(oslo("2026-03-02T10:00:00.500"));

            await().atMost(Duration.ofSeconds(30)).until(() -> sla.poll().stream()
                    .anyMatch(r -> r.value().getPayload() instanceof SlaBreached));
            await().atMost(Duration.ofSeconds(30)).until(() -> sla.poll().stream()
                    .anyMatch(r -> r.value().getPayload() instanceof SlaMet));
            List<SlaEvent> breachingEvents = sla.poll().stream().filter(r -> r.key().equals(breaching))
                    .map(ConsumerRecord::value).toList();
            assertThat(breachingEvents).extracting(e -> e.getPayload().getClass().getSimpleName())
                    .containsExactly("SlaClockStarted", "SlaWarning", "SlaWarning", "SlaWarning", "SlaBreached");
            assertThat(breachingEvents).allSatisfy(e -> assertThat(e.getPolicyVersion()).isEqualTo("biztek-2020-01"));

            JsonNode breached = JSON.readTree(app.get("/api/v1/tickets/" + breaching + "/sla", "reader-token").body());
            assertThat(breached.get("state").asString()).isEqualTo("BREACHED");
            assertThat(breached.get("businessMinutesElapsed").asLong()).isEqualTo(60);
            JsonNode metStatus = JSON.readTree(app.get("/api/v1/tickets/" + met + "/sla", "reader-token").body());
            assertThat(metStatus.get("state").asString()).isEqualTo("MET");
            assertThat(Instant.parse(metStatus.get("respondedAt").asString())).isEqualTo(oslo("2026-03-02T09:20"));
            assertThat(metStatus.get("businessMinutesElapsed").asLong()).isEqualTo(20);
        }

        String prometheus = app.get("/actuator/prometheus", null).body();
        assertThat(prometheus).containsPattern("support_sla_breached_total\\{[^}]*severity=\"1\"[^}]*} [1-9]");
        assertThat(prometheus).containsPattern("support_sla_met_total\\{[^}]*severity=\"2\"[^}]*} [1-9]");
        assertThat(prometheus).containsPattern("support_sla_breach_lag_seconds_bucket\\{[^}]*trigger=\"timer\"");
        assertThat(prometheus).containsPattern("(?m)^support_sla_open_clocks(\\{[^}]*})? ");
        assertThat(prometheus).contains("support_sla_duplicate_events_total", "support_sla_unknown_ticket_events_total");
        assertThat(prometheus).as("Kafka Streams metrics bound to Micrometer").contains("kafka_stream_");
        assertThat(prometheus).as("its consumer's lag").contains("kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void unknownTicketIs404ProblemDocument() {
        var response = app.get("/api/v1/tickets/" + newTicketId() + "/sla", "reader-token");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void readyAndAbleToAnswerStatusWhileTheStreamsRun() {
        var readiness = app.get("/actuator/health/readiness", null);
        var status = app.get("/actuator/health/sla-status", null);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"UP\"");
    }

    @Test
    void undecodableRecordGoesToTheDeadLetterTopicAndTheApplicationGoesOn() {
        String key = "garbage-" + UUID.randomUUID();
        byte[] garbage = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        String after = newTicketId();
        clock.set(MONDAY_0900);
        try (var dlt = KafkaTestClients.deadLetters(key); var sla = KafkaTestClients.slaEvents(List.of(after))) {
            KafkaTestClients.sendRaw(key, garbage);
            KafkaTestClients.send(opened(after, Severity.LESS_SERIOUS, MONDAY_0900));

            await().atMost(Duration.ofSeconds(30)).until(() -> dlt.poll().size() == 1);
            ConsumerRecord<String, byte[]> dead = dlt.poll().get(0);
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                    .contains("SerializationException");
            assertThat(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET)).isNotNull();
            await().atMost(Duration.ofSeconds(30)).until(() -> sla.poll().size() == 1);
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }
}
