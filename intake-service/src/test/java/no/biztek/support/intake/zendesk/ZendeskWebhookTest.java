package no.biztek.support.intake.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.intake.ticket.TicketIntake;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.TicketOpened;
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
        HttpRequest.Builder request = request(PATH, WRITER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(ZendeskSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(ZendeskSignature.SIGNATURE_HEADER, signature);
        }
        return send(request);
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
    void theWebhookAlsoNeedsTheBearerToken() {
        String body = created(unique("zd"), "normal");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        HttpResponse<String> response = send(request(PATH, null).header("Content-Type", "application/json")
                .header(ZendeskSignature.TIMESTAMP_HEADER, now).header(ZendeskSignature.SIGNATURE_HEADER, sign(now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
