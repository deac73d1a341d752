package no.biztek.support.escalation.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static no.biztek.support.escalation.TestEvents.ticketOpened;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.oncall.OnCallOverride;
import no.biztek.support.schemas.oncall.OnCallRotation;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.topic.Topics;

/**
 * The on-call schedule on its topic end to end: seeded from configuration, changed through the API, read by the
 * paging topology, the calendar feed links and the gap metric. Times go by the shared test clock, wherever the other
 * tests left it: who is on call is read from the API first.
 */
class OnCallScheduleIntegrationTest extends EscalationIntegrationTest {

    private static final String OVERRIDES = "/api/v1/oncall/overrides";
    private static final List<String> ROSTER = List.of("kari@biztek.example", "ola@biztek.example",
            "nora@biztek.example");

    private JsonNode now() {
        HttpResponse<String> response = api.get("/api/v1/oncall/now", READER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String emailAt(JsonNode now, int level) {
        for (JsonNode shift : now.get("levels")) {
            if (shift.get("level").asInt() == level) {
                return shift.get("engineer").get("email").asString();
            }
        }
        throw new AssertionError("no level " + level + " in " + now);
    }

    private HttpResponse<String> createOverride(String kind, int level, String engineer, Instant from, Instant to,
                                                boolean acceptGap) {
        String body = "{\"kind\":\"" + kind + "\",\"level\":" + level + ",\"engineer\":\"" + engineer + "\","
                + (from == null ? "" : "\"from\":\"" + from + "\",") + "\"to\":\"" + to + "\",\"acceptGap\":"
                + acceptGap + "}";
        return api.post(OVERRIDES, body, WRITER);
    }

    private HttpResponse<String> deleteOverride(String id) {
        return api.send(api.request(OVERRIDES + "/" + id, WRITER).DELETE());
    }

    private long overrideRecords() {
        return readAll(Topics.ONCALL_SCHEDULE).stream().filter(r -> r.key().startsWith("override|")).count();
    }

    @Test
    void theScheduleIsSeededFromConfigurationOnce() {
        List<ConsumerRecord<String, OnCallScheduleEntry>> rotations = readAll(Topics.ONCALL_SCHEDULE).stream()
                .filter(r -> r.key().equals("rotation")).toList();

        assertThat(rotations).singleElement().satisfies(r -> {
            assertThat(r.value().getUpdatedBy()).isEqualTo("configuration");
            OnCallRotation rotation = (OnCallRotation) r.value().getPayload();
            assertThat(rotation.getZone()).isEqualTo("Europe/Oslo");
            assertThat(rotation.getHandoverDay()).isEqualTo("MONDAY");
            assertThat(rotation.getEngineers()).extracting(e -> e.getEmail()).containsExactlyElementsOf(ROSTER);
        });
        assertThat(now().get("levels")).hasSize(3);
    }

    @Test
    void aSwapMadeThroughTheApiTakesTheNextPageAndIsToldTheHandOverUntilItIsDeleted() {
        String onCall = emailAt(now(), 1);
        String swappedIn = ROSTER.stream().filter(e -> !e.equals(onCall)).findFirst().orElseThrow();
        Instant to = CLOCK.instant().plus(Duration.ofHours(1));

        HttpResponse<String> created = createOverride("swap", 1, swappedIn, null, to, false);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String overrideId = json(created).get("overrideId").asString();
        try {
            assertThat(json(created).get("replaces").asString()).isEqualTo(onCall);
            assertThat(emailAt(now(), 1)).as("the next read sees the write").isEqualTo(swappedIn);
            assertThat(readAll(Topics.ONCALL_SCHEDULE)).filteredOn(r -> r.value() != null)
                    .anySatisfy(r -> assertThat(r.value().getPayload())
                    .isInstanceOfSatisfying(OnCallOverride.class, o -> assertThat(o.getOverrideId()).isEqualTo(overrideId)));

            String ticket = TestEvents.newId();
            String customer = unique("kunde");
            publish(Topics.TICKET_EVENTS, ticket, ticketOpened(ticket, customer, Severity.CRITICAL, CLOCK.instant()));
            ConsumerRecord<String, EscalationEvent> paged = awaitRecord(Topics.ESCALATION_EVENTS,
                    r -> r.key().equals(ticket) && r.value().getPayload() instanceof OnCallPaged);
            assertThat(((OnCallPaged) paged.value().getPayload()).getPaged().getEmail()).isEqualTo(swappedIn);

            String hook = "/hooks/" + swappedIn.substring(0, swappedIn.indexOf('@'));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !WEBHOOKS.findAll(postRequestedFor(
                    urlPathEqualTo(hook)).withRequestBody(matchingJsonPath("$.type", equalTo("OnCallHandover")))).isEmpty());
            publish(Topics.TICKET_EVENTS, ticket, TestEvents.resolved(ticket, customer, CLOCK.instant()));
        } finally {
            HttpResponse<String> deleted = deleteOverride(overrideId);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        }
        assertThat(emailAt(now(), 1)).isEqualTo(onCall);
        assertThat(readAll(Topics.ONCALL_SCHEDULE)).filteredOn(r -> r.key().equals("override|" + overrideId))
                .last().satisfies(r -> assertThat(r.value()).as("a tombstone").isNull());
        assertThat(deleteOverride(overrideId).statusCode()).isEqualTo(404);
    }

    @Test
    void aPastStartAnUnknownEngineerAndABackwardPeriodAreRefusedAndNothingIsWritten() {
        long before = overrideRecords();
        Instant now = CLOCK.instant();

        HttpResponse<String> past = createOverride("cover", 1, ROSTER.get(0), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(1)), false);
        HttpResponse<String> unknown = createOverride("cover", 1, "siri@biztek.example", null,
                now.plus(Duration.ofHours(1)), false);
        HttpResponse<String> backwards = createOverride("cover", 1, ROSTER.get(0), now.plus(Duration.ofHours(2)),
                now.plus(Duration.ofHours(1)), false);

        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(errors(past)).containsOnlyKeys("from");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(errors(unknown)).containsOnlyKeys("engineer");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(errors(backwards)).containsOnlyKeys("to");
        assertThat(past.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        for (String malformed : List.of("{\"kind\":\"cover\",\"engineer\":\"" + ROSTER.get(0) + "\",\"to\":\"not a time\"}",
                "{\"kind\":\"cover\",\"level\":\"x\",\"to\":\"" + now.plusSeconds(60) + "\"}", "[]", "{", "",
                "{\"kind\":[],\"engineer\":{},\"to\":7}", "{\"kind\":\"cover\",\"level\":2147483648}")) {
            assertThat(api.post(OVERRIDES, malformed, WRITER).statusCode()).as(malformed).isEqualTo(400);
        }
        assertThat(api.get("/api/v1/oncall/schedule?from=yesterday", READER).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/oncall/schedule?from=" + now.plusSeconds(60) + "&to=" + now, READER).statusCode())
                .isEqualTo(400);
        assertThat(api.post(OVERRIDES, "{\"kind\":\"cover\",\"engineer\":\"" + ROSTER.get(0) + "\",\"to\":\""
                + now.plusSeconds(3600) + "\"}", READER).statusCode()).as("read scope only").isEqualTo(403);
        assertThat(overrideRecords()).isEqualTo(before);
    }

    @Test
    void aReadOnlyTokenCannotDeleteAnOverride() {
        String onCall = emailAt(now(), 1);
        // the engineer on call standing in for themselves: no change of person, no gap, no hand-over
        HttpResponse<String> created = createOverride("cover", 1, onCall, null,
                CLOCK.instant().plus(Duration.ofHours(1)), false);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("overrideId").asString();
        try {
            long before = overrideRecords();

            HttpResponse<String> refused = api.send(api.request(OVERRIDES + "/" + id, READER).DELETE());

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(overrideRecords()).as("nothing written").isEqualTo(before);
            assertThat(readAll(Topics.ONCALL_SCHEDULE)).filteredOn(r -> r.key().equals("override|" + id)).last()
                    .satisfies(r -> assertThat(r.value()).as("still there, no tombstone").isNotNull());
            JsonNode schedule = json(api.get("/api/v1/oncall/schedule", READER));
            assertThat(schedule.get("overrides")).anySatisfy(o -> assertThat(o.get("overrideId").asString())
                    .isEqualTo(id));
        } finally {
            assertThat(deleteOverride(id).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aGapIsRefusedUnlessAcceptedAndThenCountedInTheMetric() {
        String onCall = emailAt(now(), 1);
        Instant to = CLOCK.instant().plus(Duration.ofHours(2));
        long before = overrideRecords();

        HttpResponse<String> refused = createOverride("cover", 2, onCall, null, to, false);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).get("detail").asString()).contains("level 2 (secondary) without anyone distinct");
        assertThat(json(refused).get("gaps").get(0).get("level").asInt()).isEqualTo(2);
        assertThat(overrideRecords()).isEqualTo(before);
        assertThat(metric("support_oncall_schedule_gaps", "level=\"2\"")).isZero();

        HttpResponse<String> accepted = createOverride("cover", 2, onCall, null, to, true);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String id = json(accepted).get("overrideId").asString();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> metric("support_oncall_schedule_gaps", "level=\"2\"") == 1);
            JsonNode schedule = json(api.get("/api/v1/oncall/schedule?from=" + CLOCK.instant() + "&to="
                    + to.plusSeconds(60), READER));
            assertThat(schedule.get("gaps")).hasSize(1);
            assertThat(schedule.get("overrides").get(0).get("overrideId").asString()).isEqualTo(id);
        } finally {
            assertThat(deleteOverride(id).statusCode()).isEqualTo(200);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> metric("support_oncall_schedule_gaps", "level=\"2\"") == 0);
    }

    @Test
    void aCalendarFeedLinkShowsTheEngineersShiftsUntilANewOneRevokesIt() {
        String engineer = emailAt(now(), 1);
        String feed = "/api/v1/oncall/engineers/" + engineer + "/calendar-feed";

        HttpResponse<String> first = api.post(feed, "", WRITER);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String firstPath = URI.create(json(first).get("url").asString()).getPath();
        HttpResponse<String> calendar = api.get(firstPath, null);
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/calendar"));
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT\r\n")
                .contains("SUMMARY:On call: on-call engineer (level 1)").containsPattern("DTSTART:\\d{8}T\\d{6}Z\r\n");

        HttpResponse<String> second = api.post(feed, "", WRITER);
        assertThat(json(second).get("generation").asLong()).isGreaterThan(json(first).get("generation").asLong());
        String secondPath = URI.create(json(second).get("url").asString()).getPath();
        assertThat(api.get(secondPath, null).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = api.get(firstPath, null);
        assertThat(revoked.statusCode()).isEqualTo(410);
        assertThat(revoked.body()).contains("replaced by a newer one");
        assertThat(api.get(secondPath.replace(".ics", "x.ics"), null).statusCode()).isEqualTo(403);
        assertThat(api.get("/calendar/garbage", null).statusCode()).isEqualTo(403);
        assertThat(api.post(feed, "", READER).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/oncall/engineers/siri@biztek.example/calendar-feed", "", WRITER).statusCode())
                .isEqualTo(404);
    }
}
