package no.biztek.support.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import org.apache.kafka.common.serialization.StringSerializer;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.apache.kafka.clients.producer.ProducerConfig;

import org.apache.kafka.clients.producer.KafkaProducer;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.intake.customer.CustomerIds;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.topic.Topics;

class TicketApiTest extends IntakeIntegrationTest {

    static String openBody(String externalId, int severity, String openedAt) {
        return """
                {"source": "portal", "externalId": "%s", "customerId": "kunde-as", "severity": %d,
                 "title": "E-post nede", "description": "Ingen får sendt e-post",
                 "requester": {"name": "Kari Nordmann", "email": "kari@kunde.no"},
                 "channel": "PORTAL", "vendor": "MICROSOFT", "vendorService": "M365"%s}"""
                .formatted(externalId, severity, openedAt == null ? "" : ", \"openedAt\": \"" + openedAt + "\"");
    }

    private String open(int severity, Instant openedAt) {
        HttpResponse<String> response = api.post("/api/v1/tickets", openBody(unique("INC"), severity,
                openedAt == null ? null : openedAt.toString()), WRITER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("ticketId").asString();
    }

    private ConsumerRecord<String, TicketEvent> published(String ticketId, Class<?> payload) {
        return awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && payload.isInstance(r.value().getPayload()));
    }

    @Test
    void openingPublishesTicketOpenedKeyedByTicketId() {
        String externalId = unique("INC");
        Instant openedAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> response = api.post("/api/v1/tickets", openBody(externalId, 1, openedAt.toString()), WRITER);

        assertThat(response.statusCode()).isEqualTo(202);
        String ticketId = json(response).get("ticketId").asString();
        assertThat(ticketId).isEqualTo(TicketIntake.ticketIdOf("portal", externalId));
        TicketEvent event = published(ticketId, TicketOpened.class).value();
        TicketOpened opened = (TicketOpened) event.getPayload();
        assertThat(event.getCustomerId()).isEqualTo("kunde-as");
        assertThat(event.getProducer()).isEqualTo("intake-service");
        assertThat(event.getEventId()).isEqualTo(json(response).get("eventId").asString());
        assertThat(opened.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(opened.getChannel()).isEqualTo(Channel.PORTAL);
        assertThat(opened.getVendor()).isEqualTo(Vendor.MICROSOFT);
        assertThat(opened.getVendorService()).isEqualTo("M365");
        assertThat(opened.getOpenedAt()).isEqualTo(openedAt);
        assertThat(opened.getRequester().getEmail()).isEqualTo("kari@kunde.no");
    }

    @Test
    void theSameTicketTwiceIsOneTicketWithTheSameIds() {
        String body = openBody(unique("INC"), 3, null);

        HttpResponse<String> first = api.post("/api/v1/tickets", body, WRITER);
        HttpResponse<String> second = api.post("/api/v1/tickets", body, WRITER);

        assertThat(second.statusCode()).isEqualTo(202);
        String ticketId = json(first).get("ticketId").asString();
        assertThat(json(second).get("ticketId").asString()).isEqualTo(ticketId);
        assertThat(json(second).get("eventId").asString()).isEqualTo(json(first).get("eventId").asString());
        assertThat(json(second).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        published(ticketId, TicketOpened.class);
        assertThat(readAll(Topics.TICKET_EVENTS)).filteredOn(r -> r.key().equals(ticketId)).hasSize(1);
    }

    @Test
    void theWholeLifecycleIsPublishedInOrder() {
        Instant openedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String ticketId = open(3, openedAt);
        String base = "/api/v1/tickets/" + ticketId;

        assertThat(api.post(base + "/severity", "{\"severity\": 1, \"note\": \"all users down\"}", WRITER).statusCode())
                .isEqualTo(202);
        assertThat(api.post(base + "/severity", """
                {"severity": 2, "reason": "CUSTOMER_RESOURCES_UNAVAILABLE", "note": "no admin access"}""", WRITER)
                .statusCode()).isEqualTo(202);
        Instant respondedAt = openedAt.plus(30, ChronoUnit.MINUTES);
        assertThat(api.post(base + "/first-response", "{\"consultant\": \"per@biztek.no\", \"respondedAt\": \""
                + respondedAt + "\"}", WRITER).statusCode()).isEqualTo(202);
        assertThat(api.post(base + "/resolve", "", WRITER).statusCode()).isEqualTo(202);
        assertThat(api.post(base + "/reopen", "{\"note\": \"came back\"}", WRITER).statusCode()).isEqualTo(202);
        published(ticketId, TicketReopened.class);

        var events = readAll(Topics.TICKET_EVENTS).stream().filter(r -> r.key().equals(ticketId))
                .map(r -> r.value().getPayload()).toList();
        assertThat(events).hasSize(6);
        assertThat(events.get(0)).isInstanceOf(TicketOpened.class);
        SeverityChanged upgrade = (SeverityChanged) events.get(1);
        assertThat(upgrade.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(upgrade.getReason()).isEqualTo(SeverityChangeReason.IMPACT_REASSESSED);
        SeverityChanged downgrade = (SeverityChanged) events.get(2);
        assertThat(downgrade.getSeverity()).isEqualTo(Severity.SERIOUS);
        assertThat(downgrade.getReason()).isEqualTo(SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE);
        assertThat(downgrade.getReasonCode()).isEqualTo("CUSTOMER_RESOURCES_UNAVAILABLE");
        FirstResponseRecorded response = (FirstResponseRecorded) events.get(3);
        assertThat(response.getRespondedAt()).isEqualTo(respondedAt);
        assertThat(response.getConsultant()).isEqualTo("per@biztek.no");
        assertThat(events.get(4)).isInstanceOf(TicketResolved.class);
        assertThat(((TicketReopened) events.get(5)).getNote()).isEqualTo("came back");
        assertThat(readAll(Topics.TICKET_EVENTS).stream().filter(r -> r.key().equals(ticketId))
                .map(r -> r.value().getSequence())).as("numbered in the order intake published them")
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void retriedLifecycleRequestsPublishNothingNew() {
        String ticketId = open(2, null);
        String base = "/api/v1/tickets/" + ticketId;
        HttpResponse<String> first = api.post(base + "/first-response", "{\"consultant\": \"per\"}", WRITER);
        HttpResponse<String> again = api.post(base + "/first-response", "{\"consultant\": \"per\"}", WRITER);
        api.post(base + "/resolve", "{}", WRITER);
        HttpResponse<String> resolvedAgain = api.post(base + "/resolve", "{}", WRITER);
        published(ticketId, TicketResolved.class);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json(again).get("eventId").asString()).isEqualTo(json(first).get("eventId").asString());
        assertThat(json(again).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(json(resolvedAgain).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(readAll(Topics.TICKET_EVENTS)).filteredOn(r -> r.key().equals(ticketId)).hasSize(3);
    }

    @Test
    void aChangeAnotherInstanceJustPublishedIsNumberedBeforeThisOne() throws Exception {
        String ticketId = open(3, null);
        String theirs = TicketIds.eventId(ticketId, TicketIntake.SEVERITY_CHANGED, 0);
        TicketEvent upgrade = TicketEvent.newBuilder().setEventId(theirs).setTicketId(ticketId)
                .setCustomerId("kunde-as").setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setProducer("intake-service").setPayload(SeverityChanged.newBuilder().setSeverity(Severity.CRITICAL)
                        .setReason(SeverityChangeReason.IMPACT_REASSESSED)
                        .setChangedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build())
                .build();
        try (var otherInstance = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS)), new StringSerializer(),
                Topics.TICKET_EVENTS.valueSerde().serializer())) {
            otherInstance.send(new ProducerRecord<>(Topics.TICKET_EVENTS.name(), ticketId, upgrade)).get();
        }

        HttpResponse<String> ours = api.post("/api/v1/tickets/" + ticketId + "/severity",
                "{\"severity\": 2, \"reason\": \"CUSTOMER_RESOURCES_UNAVAILABLE\"}", WRITER);

        assertThat(ours.statusCode()).as(ours.body()).isEqualTo(202);
        assertThat(json(ours).get("eventId").asString()).isNotEqualTo(theirs)
                .isEqualTo(TicketIds.eventId(ticketId, TicketIntake.SEVERITY_CHANGED, 1));
    }

    @Test
    void lifecycleOfAnUnknownTicketIs404() {
        HttpResponse<String> response = api.post("/api/v1/tickets/" + java.util.UUID.randomUUID() + "/first-response",
                "{\"consultant\": \"per\"}", WRITER);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void reopeningATicketThatIsNotResolvedIs409() {
        String ticketId = open(3, null);

        assertThat(api.post("/api/v1/tickets/" + ticketId + "/reopen", "{}", WRITER).statusCode()).isEqualTo(409);
    }

    @Test
    void aResponseBeforeTheTicketWasOpenedIsRefused() {
        Instant openedAt = Instant.now().minus(1, ChronoUnit.HOURS);
        String ticketId = open(3, openedAt);
        long before = count(Topics.TICKET_EVENTS.name());

        HttpResponse<String> response = api.post("/api/v1/tickets/" + ticketId + "/first-response",
                "{\"consultant\": \"per\", \"respondedAt\": \"" + openedAt.minusSeconds(60) + "\"}", WRITER);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(response)).containsKey("respondedAt");
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @Test
    void aDowngradeNeedsAReasonThePolicyAccepts() {
        String ticketId = open(1, null);
        String path = "/api/v1/tickets/" + ticketId + "/severity";
        long before = count(Topics.TICKET_EVENTS.name());

        HttpResponse<String> noReason = api.post(path, "{\"severity\": 3}", WRITER);
        HttpResponse<String> wrongReason = api.post(path, "{\"severity\": 3, \"reason\": \"CUSTOMER_REQUEST\"}", WRITER);

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(errors(noReason).get("reason")).startsWith("a downgrade needs a reason code");
        assertThat(wrongReason.statusCode()).isEqualTo(400);
        assertThat(errors(wrongReason).get("reason")).contains("CUSTOMER_RESOURCES_UNAVAILABLE");
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing source          | "source": "portal",                   |                                       | source
            blank title             | "title": "E-post nede"                | "title": "  "                         | title
            severity 0              | "severity": 2                         | "severity": 0                         | severity
            severity 4              | "severity": 2                         | "severity": 4                         | severity
            unknown channel         | "channel": "PORTAL"                   | "channel": "FAX"                      | channel
            unknown vendor          | "vendor": "MICROSOFT"                 | "vendor": "GOOGLE"                    | vendor
            malformed e-mail        | "email": "kari@kunde.no"              | "email": "kari-at-kunde"              | requester.email
            missing requester       | "requester": {"name": "Kari Nordmann", "email": "kari@kunde.no"}, |   | requester
            unknown field           | "channel": "PORTAL"                   | "channel": "PORTAL", "priority": 1    | priority
            severity as text        | "severity": 2                         | "severity": "high"                    | severity
            openedAt in the future  | "vendorService": "M365"               | "vendorService": "M365", "openedAt": "2999-01-01T00:00:00Z" | openedAt
            openedAt not an instant | "vendorService": "M365"               | "vendorService": "M365", "openedAt": "yesterday" | openedAt
            openedAt before terms   | "vendorService": "M365"               | "vendorService": "M365", "openedAt": "2010-01-01T00:00:00Z" | openedAt
            """)
    void badTicketsAreRefusedNamingTheFieldAndPublishNothing(String what, String replace, String with, String field) {
        String body = openBody(unique("INC"), 2, null).replace(replace, with == null ? "" : with);
        long before = count(Topics.TICKET_EVENTS.name());

        HttpResponse<String> response = api.post("/api/v1/tickets", body, WRITER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errors(response)).containsKey(field);
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @Test
    void aCustomerIdThatIsNotADirectoryIdIsRefusedAndPublishesNothing() {
        long before = count(Topics.TICKET_EVENTS.name());

        for (String customerId : List.of("x <https://evil|Acknowledge here>", "kunde-as\nFAKE", "kunde as",
                ".kunde-as", "*kunde*", "k".repeat(101))) {
            String body = openBody(unique("INC"), 2, null).replace("\"kunde-as\"", JSON.writeValueAsString(customerId));

            HttpResponse<String> response = api.post("/api/v1/tickets", body, WRITER);

            assertThat(response.statusCode()).as(customerId + ": " + response.body()).isEqualTo(400);
            assertThat(errors(response)).as(customerId).containsEntry("customerId", CustomerIds.MESSAGE);
        }
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @Test
    void blanksAroundACustomerIdAreDroppedAsBefore() {
        String externalId = unique("INC");

        HttpResponse<String> response = api.post("/api/v1/tickets",
                openBody(externalId, 2, null).replace("\"kunde-as\"", "\" kunde-as \""), WRITER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(published(TicketIntake.ticketIdOf("portal", externalId), TicketOpened.class).value().getCustomerId())
                .isEqualTo("kunde-as");
    }

    @Test
    void every202SaysWhereTheSlaStatusWillBeAndToWaitASecond() {
        String body = openBody(unique("INC"), 2, null);

        HttpResponse<String> opened = api.post("/api/v1/tickets", body, WRITER);
        String ticketId = json(opened).get("ticketId").asString();
        String status = "http://127.0.0.1:8082/api/v1/tickets/" + ticketId + "/sla";

        assertThat(opened.statusCode()).isEqualTo(202);
        assertThat(opened.headers().firstValue("Location")).hasValue(status);
        assertThat(opened.headers().firstValue("Retry-After")).hasValue("1");
        HttpResponse<String> again = api.post("/api/v1/tickets", body, WRITER);
        assertThat(json(again).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(again.headers().firstValue("Location")).hasValue(status);
        for (String lifecycle : new String[] {"first-response", "severity", "resolve", "reopen"}) {
            String change = switch (lifecycle) {
                case "first-response" -> "{\"consultant\": \"per\"}";
                case "severity" -> "{\"severity\": 1}";
                default -> "{}";
            };
            HttpResponse<String> response = api.post("/api/v1/tickets/" + ticketId + "/" + lifecycle, change, WRITER);
            assertThat(response.statusCode()).as(lifecycle + ": " + response.body()).isEqualTo(202);
            assertThat(response.headers().firstValue("Location")).as(lifecycle).hasValue(status);
            assertThat(response.headers().firstValue("Retry-After")).as(lifecycle).hasValue("1");
        }
    }

    @Test
    void anOpeningOlderThanTheTicketRetentionIsRefused() {
        Instant tooOld = Instant.now().minus(Duration.ofDays(30)).minus(Duration.ofHours(1));
        long before = count(Topics.TICKET_EVENTS.name());

        HttpResponse<String> response = api.post("/api/v1/tickets", openBody(unique("INC"), 2, tooOld.toString()), WRITER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errors(response).get("openedAt")).startsWith("must not lie more than PT720H in the past");
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
        Instant withinIt = Instant.now().minus(Duration.ofDays(29));
        assertThat(api.post("/api/v1/tickets", openBody(unique("INC"), 2, withinIt.toString()), WRITER).statusCode())
                .isEqualTo(202);
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = api.post("/api/v1/tickets", "{\"source\": \"portal\", ", WRITER);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(response)).containsKey("body");
    }

    @Test
    void wrongContentTypeIs415() {
        HttpResponse<String> response = api.send(api.request("/api/v1/tickets", WRITER).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(openBody(unique("INC"), 2, null))));

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String body = openBody(unique("INC"), 2, null).replace("Ingen får sendt e-post", "x".repeat(20_000));

        assertThat(api.post("/api/v1/tickets", body, WRITER).statusCode()).isEqualTo(413);
    }

    @Test
    void withoutTheWriteScopeNothingIsPublished() {
        String body = openBody(unique("INC"), 2, null);
        long before = count(Topics.TICKET_EVENTS.name());

        assertThat(api.post("/api/v1/tickets", body, null).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/tickets", body, "not-a-token").statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/tickets", body, READER).statusCode()).isEqualTo(403);
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @Test
    void aMalformedTicketIdIs400() {
        HttpResponse<String> response = api.post("/api/v1/tickets/not-a-ticket/resolve", "{}", WRITER);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(response)).containsKey("ticketId");
    }

    @Test
    void theOpenApiDescriptionShowsRequestsAndProblems() {
        HttpResponse<String> response = api.get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        var doc = json(response);
        assertThat(doc.at("/paths/~1api~1v1~1tickets/post").isMissingNode()).isFalse();
        assertThat(doc.at("/paths/~1api~1v1~1webhooks~1zendesk/post").isMissingNode()).isFalse();
        assertThat(doc.at("/paths/~1api~1v1~1customers~1{customerId}/put").isMissingNode()).isFalse();
        assertThat(doc.at("/components/schemas/OpenTicket/properties/severity").isMissingNode()).isFalse();
        assertThat(doc.at("/components/schemas/Problem").isMissingNode()).isFalse();
        var open = doc.at("/paths/~1api~1v1~1tickets/post/responses");
        assertThat(open.propertyNames()).contains("202", "400", "401", "403", "413", "415", "503");
        var reopen = doc.at("/paths/~1api~1v1~1tickets~1{ticketId}~1reopen/post/responses");
        assertThat(reopen.propertyNames()).contains("404", "409", "503");
        for (String status : new String[] {"404", "409", "503"}) {
            assertThat(reopen.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
                    .as(status).isEqualTo("#/components/schemas/Problem");
        }
        for (String path : new String[] {"/paths/~1api~1v1~1tickets/post", "/paths/~1api~1v1~1tickets~1{ticketId}~1resolve/post"}) {
            assertThat(doc.at(path + "/responses/202/headers/Location").isMissingNode()).as(path).isFalse();
            assertThat(doc.at(path + "/responses/202/headers/Retry-After").isMissingNode()).as(path).isFalse();
            assertThat(doc.at(path + "/responses/202/content/application~1json/schema/$ref").asString())
                    .isEqualTo("#/components/schemas/Accepted");
            assertThat(doc.at(path + "/x-required-scope").asString()).isEqualTo("tickets:write");
        }
        assertThat(doc.at("/paths/~1api~1v1~1customers~1{customerId}/put/x-required-scope").asString())
                .isEqualTo("customers:write");
        assertThat(doc.at("/paths/~1api~1v1~1customers~1{customerId}/get/x-required-scope").asString())
                .isEqualTo("read");
        assertThat(doc.at("/components/schemas/OpenTicket/properties/customerId/pattern").asString())
                .isEqualTo(CustomerIds.PATTERN);
    }

    @Test
    void openedTicketsAreCountedBySeverityAndChannel() {
        open(1, null);

        HttpResponse<String> metrics = api.get("/actuator/prometheus", null);

        assertThat(metrics.body()).contains("support_tickets_opened_total{channel=\"PORTAL\",severity=\"1\"");
        assertThat(metrics.body()).contains("kafka_producer");
        assertThat(metrics.body()).contains("kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void readinessReportsKafka() {
        HttpResponse<String> readiness = api.get("/actuator/health/readiness", null);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
    }
}
