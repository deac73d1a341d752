package no.biztek.support.escalation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.escalation.api.SignedTokens;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.ClockStopReason;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * The board's endpoints on the shared embedded broker: kiosk links issued, used, revoked and expired (refused with a
 * page or a problem, never a 500), the stream's snapshot, deltas and {@code Last-Event-ID} resume, and the API's
 * snapshot under {@code read}.
 */
class BoardIntegrationTest extends EscalationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String customer = unique("board-kunde");

    @Test
    void aKioskLinkOpensTheBoardAndItsStreamUntilItIsRevoked() {
        JsonNode issued = issue("Desk wall screen", "P1D");
        String url = issued.get("url").asString();
        String path = url.substring(url.indexOf("/board/"));
        assertThat(issued.get("state").asString()).isEqualTo("active");
        assertThat(issued.get("issuedBy").asString()).isEqualTo("desk");

        HttpResponse<String> page = api.get(path, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"assets/board.js\" defer></script>", "data-events=\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(api.get("/board/assets/board.js", null).statusCode()).isEqualTo(200);

        try (SseClient stream = SseClient.open(port, path + "/events", null, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.nextChange(WAIT).name()).isEqualTo("snapshot");
            assertThat(json(api.get("/api/v1/board/links", READER)).findValues("id")).extracting(JsonNode::asString)
                    .contains(issued.get("id").asString());

            HttpResponse<String> revoked = api.send(api.request("/api/v1/board/links/" + issued.get("id").asString(),
                    WRITER).DELETE());
            assertThat(revoked.statusCode()).isEqualTo(200);
            assertThat(json(revoked).get("state").asString()).isEqualTo("revoked");
            assertThat(json(revoked).get("revokedBy").asString()).isEqualTo("desk");

            assertThat(stream.next(e -> e.name().equals("revoked") || e.name().equals("<end>"), WAIT).name())
                    .as("the open stream is told at its next heartbeat").isEqualTo("revoked");
        }
        HttpResponse<String> refusedPage = api.get(path, null);
        assertThat(refusedPage.statusCode()).isEqualTo(410);
        assertThat(refusedPage.body()).contains("revoked").doesNotContain("<script");
        try (SseClient refused = SseClient.open(port, path + "/events", null, null)) {
            assertThat(refused.status()).isEqualTo(410);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("\"status\":410", "revoked");
        }
    }

    @Test
    void anExpiredForgedOrUnknownLinkIsRefusedSayingWhy() {
        JsonNode shortLived = issue("Short-lived screen", "PT2M");
        String path = shortLived.get("url").asString().substring(shortLived.get("url").asString().indexOf("/board/"));
        assertThat(api.get(path, null).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(3));
        HttpResponse<String> expired = api.get(path, null);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        assertThat(json(api.get("/api/v1/board/links", READER)).valueStream()
                .filter(l -> l.get("id").asString().equals(shortLived.get("id").asString())).findFirst().orElseThrow()
                .get("state").asString()).isEqualTo("expired");

        String genuineToken = path.substring("/board/".length());
        HttpResponse<String> altered = api.get("/board/x" + genuineToken.substring(1), null);
        assertThat(altered.statusCode()).isEqualTo(403);
        assertThat(api.get("/board/not-a-token", null).statusCode()).isEqualTo(403);
        SignedTokens sameKey = new SignedTokens("board-link", "integration-test-signing-key-0123456789", null, null,
                CLOCK);
        String unknown = sameKey.issue("no-such-link", Long.toString(CLOCK.instant().plusSeconds(3600)
                .getEpochSecond()));
        assertThat(api.get("/board/" + unknown, null).statusCode()).isEqualTo(404);
        String otherPurpose = new SignedTokens("calendar-feed", "integration-test-signing-key-0123456789", null,
                null, CLOCK).issue("no-such-link", "1");
        assertThat(api.get("/board/" + otherPurpose, null).statusCode()).isEqualTo(403);
    }

    @Test
    void issuingALinkNeedsTheWriteScopeAndSaysWhatIsWrongWithTheRequest() {
        assertThat(api.post("/api/v1/board/links", "{\"name\":\"x\",\"validFor\":\"P1D\"}", READER).statusCode())
                .isEqualTo(403);
        HttpResponse<String> noValidity = api.post("/api/v1/board/links", "{\"name\":\"x\"}", WRITER);
        assertThat(noValidity.statusCode()).isEqualTo(400);
        assertThat(json(noValidity).get("detail").asString()).contains("validFor");
        HttpResponse<String> tooLong = api.post("/api/v1/board/links", "{\"name\":\"x\",\"validFor\":\"P9999D\"}",
                WRITER);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("detail").asString()).contains("at most");
        assertThat(api.post("/api/v1/board/links", "{\"name\":\" \",\"validFor\":\"P1D\"}", WRITER).statusCode())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/board/links", "{\"name\":\"x\",\"validFor\":\"soon\"}", WRITER).statusCode())
                .isEqualTo(400);
        assertThat(api.send(api.request("/api/v1/board/links/nope", WRITER).DELETE()).statusCode()).isEqualTo(404);
    }

    @Test
    void theStreamSendsChangesAndResumesFromTheLastEventId() {
        String ticket = TestEvents.newId();
        Instant opened = CLOCK.instant();
        Instant due = opened.plus(Duration.ofHours(6));
        String lastSeen;
        try (SseClient stream = SseClient.open(port, "/api/v1/board/events", READER, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.nextChange(WAIT).name()).isEqualTo("snapshot");
            publish(Topics.SLA_EVENTS, ticket, sla(ticket, opened, due, SlaClockStarted.newBuilder()
                    .setTargetMinutes(240).setPagesAroundTheClock(false).build()));
            SseClient.Event upsert = stream.next(e -> e.name().equals("upsert") && e.data().contains(ticket), WAIT);
            assertThat(upsert.data()).contains("\"state\":\"outside-hours\"", "\"customerId\":\"" + customer + "\"");
            lastSeen = upsert.id();
        }
        publish(Topics.SLA_EVENTS, ticket, sla(ticket, opened, due, SlaBreached.newBuilder().setTargetMinutes(240)
                .build()));
        Awaitility.await().atMost(WAIT).until(() -> json(api.get("/api/v1/board?customer=" + customer, READER))
                .get("rows").valueStream().anyMatch(r -> r.get("breached").asBoolean()));

        try (SseClient resumed = SseClient.open(port, "/api/v1/board/events", READER, lastSeen)) {
            SseClient.Event first = resumed.nextChange(WAIT);
            assertThat(first.name()).as("resumed, not a new snapshot").isEqualTo("upsert");
            SseClient.Event breached = first.data().contains(ticket) ? first
                    : resumed.next(e -> e.name().equals("upsert") && e.data().contains(ticket), WAIT);
            assertThat(breached.data()).contains("\"breached\":true");
        }
        try (SseClient fresh = SseClient.open(port, "/api/v1/board/events", READER, "gone-stream-1")) {
            assertThat(fresh.nextChange(WAIT).name()).isEqualTo("snapshot");
        }

        JsonNode board = json(api.get("/api/v1/board?customer=" + customer, READER));
        assertThat(board.get("rows")).hasSize(1);
        assertThat(board.get("rows").get(0).get("state").asString()).isEqualTo("breached");
        assertThat(board.get("zone").asString()).isEqualTo("Europe/Oslo");
        assertThat(api.get("/api/v1/board", null).statusCode()).isEqualTo(401);
        assertThat(metric("support_board_clients", "")).isGreaterThanOrEqualTo(0);

        publish(Topics.SLA_EVENTS, ticket, sla(ticket, opened, due, SlaClockStopped.newBuilder()
                .setReason(ClockStopReason.RESOLVED_WITHOUT_RESPONSE).setBusinessMinutesElapsed(300).build()));
        Awaitility.await().atMost(WAIT).until(() -> json(api.get("/api/v1/board?customer=" + customer, READER))
                .get("rows").isEmpty());
    }

    private JsonNode issue(String name, String validFor) {
        HttpResponse<String> response = api.post("/api/v1/board/links",
                "{\"name\":\"" + name + "\",\"validFor\":\"" + validFor + "\"}", WRITER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private SlaEvent sla(String ticket, Instant opened, Instant due, Object payload) {
        return SlaEvent.newBuilder().setEventId(TestEvents.newId()).setTicketId(ticket).setCustomerId(customer)
                .setOccurredAt(CLOCK.instant()).setProducer("sla-timer-service").setSeverity(Severity.LESS_SERIOUS)
                .setPolicyVersion("biztek-2020-01").setOpenedAt(opened).setDueAt(due).setPayload(payload).build();
    }
}
