package no.biztek.support.intake.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.intake.customer.CustomerIds;
import no.biztek.support.intake.ticket.TicketIntake;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketResumed;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.topic.Topics;

class ZendeskWebhookTest extends IntakeIntegrationTest {

    private static final String PATH = "/api/v1/webhooks/zendesk";
    private final ZendeskSignature signer = new ZendeskSignature("test-signing-secret", Duration.ofMinutes(5),
            Clock.systemUTC());

    static String created(String zendeskId, String priority) {
        return """
                {"event": "ticket_created",
                 "ticket": {"id": "%s", "priority": "%s", "title": "VPN nede", "description": "Ingen kommer inn",
                            "created_at": "%s", "organization_external_id": "kunde-as",
                            "requester": {"name": "Ola Nordmann", "email": "ola@kunde.no"},
                            "status": "new"},
                 "agent": "", "via": "web form"}""".formatted(zendeskId, priority,
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS));
    }

    private HttpResponse<String> deliver(String body, String timestamp, String signature) {
        HttpRequest.Builder request = api.request(PATH, WRITER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(ZendeskSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(ZendeskSignature.SIGNATURE_HEADER, signature);
        }
        return api.send(request);
    }

    private HttpResponse<String> signedDelivery(String body) {
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return deliver(body, timestamp, sign(timestamp, body));
    }

    private String sign(String timestamp, String body) {
        return Base64.getEncoder().encodeToString(signer.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCreatedTicketOpensItWithPriorityMappedAndOrganisationAsCustomer() {
        String zendeskId = unique("zd");

        HttpResponse<String> response = signedDelivery(created(zendeskId, "Urgent"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String ticketId = TicketIntake.ticketIdOf("zendesk", zendeskId);
        var record = awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId));
        TicketOpened opened = (TicketOpened) record.value().getPayload();
        assertThat(record.value().getCustomerId()).isEqualTo("kunde-as");
        assertThat(opened.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(opened.getChannel()).isEqualTo(Channel.ZENDESK);
        assertThat(opened.getSource()).isEqualTo("zendesk");
        assertThat(opened.getExternalId()).isEqualTo(zendeskId);
    }

    @Test
    void priorityMapping() {
        assertThat(ZendeskWebhookController.severity("urgent")).isEqualTo(1);
        assertThat(ZendeskWebhookController.severity("High")).isEqualTo(2);
        assertThat(ZendeskWebhookController.severity("normal")).isEqualTo(3);
        assertThat(ZendeskWebhookController.severity("low")).isEqualTo(3);
        assertThat(ZendeskWebhookController.severity("")).isEqualTo(3);
    }

    @Test
    void theFirstPublicAgentCommentIsTheFirstResponseAndSolvedResolves() {
        String zendeskId = unique("zd");
        String ticketId = TicketIntake.ticketIdOf("zendesk", zendeskId);
        signedDelivery(created(zendeskId, "high"));
        String comment = """
                {"event": "public_agent_comment", "ticket": {"id": "%s"}, "agent": "kari@biztek.no"}"""
                .formatted(zendeskId);

        assertThat(signedDelivery(comment).statusCode()).isEqualTo(202);
        assertThat(signedDelivery(comment.replace("kari@", "per@")).statusCode()).isEqualTo(202);
        assertThat(signedDelivery("""
                {"event": "ticket_solved", "ticket": {"id": "%s"}}""".formatted(zendeskId)).statusCode())
                .isEqualTo(202);

        awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId) && r.value().getPayload() instanceof TicketResolved);
        var responses = readAll(Topics.TICKET_EVENTS).stream().filter(r -> r.key().equals(ticketId))
                .filter(r -> r.value().getPayload() instanceof FirstResponseRecorded).toList();
        assertThat(responses).singleElement().satisfies(r ->
                assertThat(((FirstResponseRecorded) r.value().getPayload()).getConsultant()).isEqualTo("kari@biztek.no"));
    }

    @Test
    void forgedMissingAndStaleSignaturesAre401AndPublishNothing() {
        String body = created(unique("zd"), "normal");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String stale = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        long before = count(Topics.TICKET_EVENTS.name());

        assertThat(deliver(body, null, null).statusCode()).isEqualTo(401);
        assertThat(deliver(body, now, null).statusCode()).isEqualTo(401);
        assertThat(deliver(body, now, sign(now, body.replace("kunde-as", "other-customer"))).statusCode())
                .isEqualTo(401);
        assertThat(deliver(body, now, Base64.getEncoder().encodeToString(new byte[32])).statusCode()).isEqualTo(401);
        assertThat(deliver(body, now, "%%%not-base64").statusCode()).isEqualTo(401);
        assertThat(deliver(body, stale, sign(stale, body)).statusCode()).isEqualTo(401);
        assertThat(deliver(body, "yesterday", sign("yesterday", body)).statusCode()).isEqualTo(401);
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @Test
    void aSignedButInvalidBodyIs400() {
        HttpResponse<String> response = signedDelivery(created(unique("zd"), "whenever"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(response)).containsKey("ticket.priority");
    }

    @Test
    void anOrganisationExternalIdThatIsNotACustomerIdIsRefused() {
        String body = created(unique("zd"), "urgent").replace("\"kunde-as\"", "\"x <https://evil|Acknowledge here>\"");
        long before = count(Topics.TICKET_EVENTS.name());

        HttpResponse<String> response = signedDelivery(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errors(response)).containsEntry("ticket.organization_external_id", CustomerIds.MESSAGE);
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @Test
    void aReplayedSolvedDeliveryDoesNotResolveTheReopenedTicketAgain() {
        String zendeskId = unique("zd");
        String ticketId = TicketIntake.ticketIdOf("zendesk", zendeskId);
        assertThat(signedDelivery(created(zendeskId, "high")).statusCode()).isEqualTo(202);
        String solved = """
                {"event": "ticket_solved", "ticket": {"id": "%s"}}""".formatted(zendeskId);
        String signedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String signature = sign(signedAt, solved);
        HttpResponse<String> first = deliver(solved, signedAt, signature);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(signedDelivery("""
                {"event": "ticket_reopened", "ticket": {"id": "%s"}}""".formatted(zendeskId)).statusCode())
                .isEqualTo(202);

        HttpResponse<String> replay = deliver(solved, signedAt, signature);

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(json(replay).get("outcome").asString()).isEqualTo("REPLAYED");
        assertThat(json(replay).get("eventId").asString()).isEqualTo(json(first).get("eventId").asString());
        awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketReopened);
        assertThat(readAll(Topics.TICKET_EVENTS)).filteredOn(r -> r.key().equals(ticketId))
                .extracting(r -> r.value().getPayload().getClass().getSimpleName())
                .containsExactly("TicketOpened", "TicketResolved", "TicketReopened");
    }

    @Test
    void aReplayedPriorityChangeDoesNotTurnTheSeverityBack() {
        String zendeskId = unique("zd");
        String ticketId = TicketIntake.ticketIdOf("zendesk", zendeskId);
        signedDelivery(created(zendeskId, "urgent"));
        String downgrade = """
                {"event": "priority_changed", "ticket": {"id": "%s", "priority": "high"},
                 "reason": "customer_resources_unavailable"}""".formatted(zendeskId);
        String signedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(deliver(downgrade, signedAt, sign(signedAt, downgrade)).statusCode()).isEqualTo(202);
        assertThat(signedDelivery("""
                {"event": "priority_changed", "ticket": {"id": "%s", "priority": "urgent"}}""".formatted(zendeskId))
                .statusCode()).isEqualTo(202);

        HttpResponse<String> replay = deliver(downgrade, signedAt, sign(signedAt, downgrade));

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json(replay).get("outcome").asString()).isEqualTo("REPLAYED");
        var changes = readAll(Topics.TICKET_EVENTS).stream().filter(r -> r.key().equals(ticketId))
                .map(r -> r.value().getPayload()).filter(SeverityChanged.class::isInstance)
                .map(p -> ((SeverityChanged) p).getSeverity()).toList();
        assertThat(changes).containsExactly(Severity.SERIOUS, Severity.CRITICAL);
    }

    @Test
    void aRefusedDeliveryIsNotRememberedSoItsRetryIsHandledAgain() {
        String body = created(unique("zd"), "whenever");
        String signedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        assertThat(deliver(body, signedAt, sign(signedAt, body)).statusCode()).isEqualTo(400);
        assertThat(deliver(body, signedAt, sign(signedAt, body)).statusCode()).isEqualTo(400);
    }

    @Test
    void lifecycleEventsHappenWhenZendeskSaysNotWhenIntakeReadsThem() {
        String zendeskId = unique("zd");
        String ticketId = TicketIntake.ticketIdOf("zendesk", zendeskId);
        Instant createdAt = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        Instant commentedAt = createdAt.plus(4, ChronoUnit.MINUTES);
        Instant solvedAt = createdAt.plus(11, ChronoUnit.MINUTES);
        String created = """
                {"event": "ticket_created", "occurred_at": "%s",
                 "ticket": {"id": "%s", "priority": "normal", "title": "Skriver", "description": "Printix",
                            "organization_external_id": "kunde-as",
                            "requester": {"name": "Ola", "email": "ola@kunde.no"}}}"""
                .formatted(minutes(createdAt.atOffset(ZoneOffset.UTC)), zendeskId);

        assertThat(signedDelivery(created).statusCode()).as("no created_at: occurred_at").isEqualTo(202);
        assertThat(signedDelivery("""
                {"event": "public_agent_comment", "ticket": {"id": "%s"}, "agent": "kari@biztek.no",
                 "occurred_at": "%s"}""".formatted(zendeskId, minutes(commentedAt.atOffset(ZoneOffset.ofHours(1)))))
                .statusCode()).isEqualTo(202);
        assertThat(signedDelivery("""
                {"event": "ticket_solved", "ticket": {"id": "%s"}, "occurred_at": "%s"}"""
                .formatted(zendeskId, minutes(solvedAt.atOffset(ZoneOffset.UTC)))).statusCode()).isEqualTo(202);

        awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketResolved);
        var events = readAll(Topics.TICKET_EVENTS).stream().filter(r -> r.key().equals(ticketId))
                .map(r -> r.value().getPayload()).toList();
        assertThat(((TicketOpened) events.get(0)).getOpenedAt()).isEqualTo(createdAt);
        assertThat(((FirstResponseRecorded) events.get(1)).getRespondedAt()).isEqualTo(commentedAt);
        assertThat(((TicketResolved) events.get(2)).getResolvedAt()).isEqualTo(solvedAt);
    }

    @Test
    void withoutOccurredAtTheEventHappenedWhenZendeskSignedIt() {
        String zendeskId = unique("zd");
        String ticketId = TicketIntake.ticketIdOf("zendesk", zendeskId);
        signedDelivery(created(zendeskId, "normal"));
        Instant signedAt = Instant.now().minus(30, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        String solved = """
                {"event": "ticket_solved", "ticket": {"id": "%s"}}""".formatted(zendeskId);

        assertThat(deliver(solved, signedAt.toString(), sign(signedAt.toString(), solved)).statusCode())
                .isEqualTo(202);

        var resolved = awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketResolved);
        assertThat(((TicketResolved) resolved.value().getPayload()).getResolvedAt()).isEqualTo(signedAt);
    }

    @Test
    void theDocumentedTriggerBodyCarriesTheEventTimesAndIntakeUsesThem() throws IOException {
        String documented = documentedTriggerBody();
        String zendeskId = unique("zd");
        String ticketId = TicketIntake.ticketIdOf("zendesk", zendeskId);
        Instant createdAt = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        Instant commentedAt = createdAt.plus(7, ChronoUnit.MINUTES);
        Instant solvedAt = createdAt.plus(25, ChronoUnit.MINUTES);

        for (var delivery : List.of(Map.entry("ticket_created", createdAt),
                Map.entry("public_agent_comment", commentedAt), Map.entry("ticket_solved", solvedAt))) {
            String body = asZendeskRendersIt(documented, delivery.getKey(), zendeskId, createdAt, delivery.getValue());
            HttpResponse<String> response = signedDelivery(body);
            assertThat(response.statusCode()).as(delivery.getKey() + ": " + response.body()).isEqualTo(202);
        }

        awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketResolved);
        var events = readAll(Topics.TICKET_EVENTS).stream().filter(r -> r.key().equals(ticketId))
                .map(r -> r.value().getPayload()).toList();
        assertThat(((TicketOpened) events.get(0)).getOpenedAt()).isEqualTo(createdAt);
        assertThat(((TicketOpened) events.get(0)).getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(((FirstResponseRecorded) events.get(1)).getRespondedAt()).isEqualTo(commentedAt);
        assertThat(((FirstResponseRecorded) events.get(1)).getConsultant()).isEqualTo("kari@biztek.no");
        assertThat(((TicketResolved) events.get(2)).getResolvedAt()).isEqualTo(solvedAt);
    }

    @Test
    void statusPendingAndOnHoldHoldTheTicketAndOpenResumesIt() throws IOException {
        String documented = documentedTriggerBody();
        String zendeskId = unique("zd");
        String ticketId = TicketIntake.ticketIdOf("zendesk", zendeskId);
        Instant createdAt = Instant.now().minus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        assertThat(signedDelivery(asZendeskRendersIt(documented, "ticket_created", zendeskId, createdAt, createdAt))
                .statusCode()).isEqualTo(202);
        List<Map.Entry<String, Integer>> statuses = List.of(Map.entry("Open", 5), Map.entry("Pending", 10),
                Map.entry("On-hold", 20), Map.entry("Open", 30), Map.entry("open", 31));

        List<String> outcomes = new java.util.ArrayList<>();
        for (var status : statuses) {
            String body = asZendeskRendersIt(documented.replace("{{ticket.status}}", status.getKey()), "status_changed",
                    zendeskId, createdAt, createdAt.plus(status.getValue(), ChronoUnit.MINUTES));
            HttpResponse<String> response = signedDelivery(body);
            assertThat(response.statusCode()).as(status + ": " + response.body()).isEqualTo(202);
            outcomes.add(json(response).get("outcome").asString());
        }

        assertThat(outcomes).as("open before any hold, and open again, change nothing")
                .containsExactly("ALREADY_RECORDED", "PUBLISHED", "PUBLISHED", "PUBLISHED", "ALREADY_RECORDED");
        awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId) && r.value().getPayload() instanceof TicketResumed);
        var events = readAll(Topics.TICKET_EVENTS).stream().filter(r -> r.key().equals(ticketId))
                .map(r -> r.value().getPayload()).toList();
        assertThat(events).hasSize(4);
        assertThat(((TicketHeld) events.get(1)).getReason()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(((TicketHeld) events.get(1)).getHeldAt()).isEqualTo(createdAt.plus(10, ChronoUnit.MINUTES));
        assertThat(((TicketHeld) events.get(2)).getReason()).isEqualTo("WAITING_ON_VENDOR");
        assertThat(((TicketResumed) events.get(3)).getResumedAt()).isEqualTo(createdAt.plus(30, ChronoUnit.MINUTES));
    }

    @Test
    void aStatusChangeToAStatusWithItsOwnTriggerIsRefused() {
        String zendeskId = unique("zd");
        signedDelivery(created(zendeskId, "normal"));

        HttpResponse<String> response = signedDelivery("""
                {"event": "status_changed", "ticket": {"id": "%s", "status": "Solved"}}""".formatted(zendeskId));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(response)).containsKey("ticket.status");
    }

    @Test
    void aDowngradeReasonFromTheDropDownIsTheCodeThePolicyLists() {
        String zendeskId = unique("zd");
        String ticketId = TicketIntake.ticketIdOf("zendesk", zendeskId);
        signedDelivery(created(zendeskId, "urgent"));

        HttpResponse<String> response = signedDelivery("""
                {"event": "priority_changed", "ticket": {"id": "%s", "priority": "low"},
                 "reason": "customer_answers_missing"}""".formatted(zendeskId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        var changed = (SeverityChanged) awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof SeverityChanged).value().getPayload();
        assertThat(changed.getReasonCode()).isEqualTo("CUSTOMER_ANSWERS_MISSING");
    }

    /** The JSON body docs/zendesk-webhook.md tells Zendesk admins to put in every trigger. */
    private static String documentedTriggerBody() throws IOException {
        String doc = Files.readString(Path.of("../docs/zendesk-webhook.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    /** The body as Zendesk renders its placeholders: times in ISO-8601 to the minute, such as 2026-03-02T08:35Z. */
    private static String asZendeskRendersIt(String documented, String event, String zendeskId, Instant createdAt,
                                             Instant updatedAt) {
        return documented.replaceFirst("\"event\": \"[a-z_]+\"", "\"event\": \"" + event + "\"")
                .replace("{{ticket.id}}", zendeskId)
                .replace("{{ticket.priority}}", "Urgent")
                .replace("{{ticket.created_at_with_timestamp}}", minutes(createdAt.atOffset(ZoneOffset.UTC)))
                .replace("{{ticket.updated_at_with_timestamp}}", minutes(updatedAt.atOffset(ZoneOffset.UTC)))
                .replace("{{ticket.organization.external_id}}", "kunde-as")
                .replace("{{ticket.requester.email}}", "ola@kunde.no")
                .replace("{{current_user.email}}", "kari@biztek.no")
                .replaceAll("\\{\\{[^}]*}}", "Zendesk text");
    }

    /** As Zendesk's *_with_timestamp placeholders write times: to the minute, e.g. 2026-03-02T08:35Z. */
    private static String minutes(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX").format(time);
    }

    @Test
    void theWebhookAlsoNeedsTheBearerToken() {
        String body = created(unique("zd"), "normal");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        HttpResponse<String> response = api.send(api.request(PATH, null).header("Content-Type", "application/json")
                .header(ZendeskSignature.TIMESTAMP_HEADER, now).header(ZendeskSignature.SIGNATURE_HEADER, sign(now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
