package no.biztek.support.sla.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import no.biztek.support.sla.it.SlaInstance;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.testing.ProblemDocuments;

/**
 * The HTTP API of an instance whose broker is unreachable: previews still work, so the instance is ready; status
 * queries answer 503 and the sla-status health group says DOWN; tokens, scopes and validation answer with problem
 * documents.
 */
class SlaApiWithoutKafkaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path stateDir;

    private static SlaInstance app;

    @BeforeAll
    static void start() {
        app = SlaInstance.start("sla-no-kafka-" + UUID.randomUUID(), stateDir,
                new MutableClock(Instant.parse("2026-03-02T08:00:00Z")),
                "--spring.kafka.bootstrap-servers=127.0.0.1:9", "--support.kafka.create-topics=false",
                "--support.kafka.streams-close-timeout=2s");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void previewComputesTheDeadlineFromThePolicyAlone() throws Exception {
        var response = app.get("/api/v1/sla/preview?severity=3&openedAt=2026-03-02T09:00:00%2B01:00", "reader-token");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(Instant.parse(body.get("dueAt").asString())).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        assertThat(body.get("targetMinutes").asInt()).isEqualTo(480);
        assertThat(body.get("policyVersion").asString()).isEqualTo("biztek-2020-01");
        assertThat(body.get("metric").asString()).isEqualTo("first-response");
        assertThat(body.get("plan").asString()).isEqualTo("standard");
        assertThat(body.size()).isEqualTo(5);
    }

    @Test
    void previewTakesAnUnencodedPlusOffsetAndDefaultsOpenedAtToNow() throws Exception {
        var plus = app.get("/api/v1/sla/preview?severity=1&openedAt=2026-03-02T09:00:00+01:00", "reader-token");
        var now = app.get("/api/v1/sla/preview?severity=1", "reader-token");

        assertThat(plus.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(plus.body()).get("dueAt").asString()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(now.body()).get("dueAt").asString()).isEqualTo("2026-03-02T09:00:00Z");
    }

    @Test
    void invalidPreviewParametersAreListedInA400ProblemDocument() throws Exception {
        assertThat(errors("/api/v1/sla/preview")).containsKey("severity");
        assertThat(errors("/api/v1/sla/preview?severity=4")).containsKey("severity");
        assertThat(errors("/api/v1/sla/preview?severity=high")).containsKey("severity");
        assertThat(errors("/api/v1/sla/preview?severity=2&openedAt=yesterday").get("openedAt"))
                .contains("ISO-8601");
        assertThat(errors("/api/v1/sla/preview?severity=2&openedAt=2019-06-03T08:00:00Z").get("openedAt"))
                .contains("no policy version is in force");
        assertThat(errors("/api/v1/sla/preview?severity=2&openedAt=2300-01-01T00:00:00Z").get("openedAt"))
                .contains("outside the years");
        assertThat(errors("/api/v1/sla/preview?severity=1&openedAt=%2B10000-01-01T00:00:00Z").get("openedAt"))
                .contains("outside the years");
        assertThat(errors("/api/v1/sla/preview?severity=1&plan=gold").get("plan")).contains("standard");
        assertThat(errors("/api/v1/sla/preview?severity=1&metric=speed").get("metric")).contains("resolution");
        assertThat(errors("/api/v1/sla/preview?severity=1&metric=resolution").get("metric"))
                .contains("sets no resolution target");
    }

    @Test
    void invalidTicketIdIs400() throws Exception {
        assertThat(errors("/api/v1/tickets/a%20b/sla")).containsKey("ticketId");
    }

    @Test
    void callsWithoutTheReadScopeAreRefused() {
        var missing = app.get("/api/v1/sla/preview?severity=1", null);
        var unknown = app.get("/api/v1/sla/preview?severity=1", "guessed-token");
        var noScope = app.get("/api/v1/tickets/t-1/sla", "escalator-token");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void statusQueryIs503WhileTheClocksAreUnavailable() {
        var response = app.get("/api/v1/tickets/t-1/sla", "reader-token");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theInstanceIsReadyToServeThePreviewWhileTheStatusCannotBeAnswered() {
        var readiness = app.get("/actuator/health/readiness", null);
        var status = app.get("/actuator/health/sla-status", null);
        var liveness = app.get("/actuator/health/liveness", null);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(status.statusCode()).isEqualTo(503);
        assertThat(status.body()).contains("\"DOWN\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    @Test
    void openApiDescribesTheEndpoints() {
        var response = app.get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/tickets/{ticketId}/sla", "/api/v1/sla/preview");
    }

    private static Map<String, String> errors(String path) throws Exception {
        var response = app.get(path, "reader-token");
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        return ProblemDocuments.fieldErrors(response.body());
    }
}
