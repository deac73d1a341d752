package no.biztek.support.escalation.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.escalation.facts.TicketFacts;

/**
 * What a Slack incoming webhook and a Teams Workflows webhook receive for a page, over HTTP: a Block Kit message with
 * an Acknowledge button, and a {@code message} with one Adaptive Card whose first action acknowledges.
 */
class ChatWebhookTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final URI ACK = URI.create("https://escalation.biztek.no/ack/abc.def");

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/chat")).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private LoggedRequest send(DeliveryProperties.Format format, OnCallMessage message) throws Exception {
        WebhookChannel channel = new WebhookChannel(new DeliveryProperties.Webhook(
                URI.create(server.baseUrl() + "/chat"), format, Duration.ofSeconds(5)), OSLO);
        channel.send(message);
        List<LoggedRequest> posted = server.findAll(postRequestedFor(urlPathEqualTo("/chat")));
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).getHeader("Content-Type")).startsWith("application/json");
        assertThat(posted.get(0).getHeader("Idempotency-Key")).isEqualTo(message.idempotencyKey());
        return posted.get(0);
    }

    @Test
    void slackReceivesBlockKitWithTheFactsAndAnAcknowledgeButton() throws Exception {
        JsonNode body = JSON.readTree(send(DeliveryProperties.Format.SLACK, page()).getBodyAsString());

        JsonNode blocks = body.get("blocks");
        assertThat(blocks.get(0).get("type").asString()).isEqualTo("section");
        assertThat(blocks.get(0).get("text").get("type").asString()).isEqualTo("mrkdwn");
        assertThat(blocks.valueStream().filter(b -> b.has("fields")).flatMap(b -> b.get("fields").valueStream())
                .map(f -> f.get("text").asString())).contains("*Ticket*\nVPN down for everyone",
                "*Customer*\nKunde AS", "*Customer phone*\n+47 22 00 00 00");
        JsonNode actions = blocks.get(blocks.size() - 1);
        assertThat(actions.get("type").asString()).isEqualTo("actions");
        JsonNode acknowledge = actions.get("elements").get(0);
        assertThat(acknowledge.get("text").get("text").asString()).isEqualTo("Acknowledge");
        assertThat(acknowledge.get("style").asString()).isEqualTo("danger");
        assertThat(acknowledge.get("url").asString()).isEqualTo(ACK.toString());
        assertThat(body.get("text").asString()).as("the notification's fallback").contains("VPN down for everyone");
    }

    @Test
    void teamsReceivesAWorkflowsMessageWithAnAdaptiveCard() throws Exception {
        JsonNode body = JSON.readTree(send(DeliveryProperties.Format.TEAMS, page()).getBodyAsString());

        assertThat(body.get("type").asString()).isEqualTo("message");
        assertThat(body.get("attachments")).hasSize(1);
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asString()).isEqualTo("1.4");
        assertThat(card.get("body").valueStream().map(e -> e.get("type").asString()))
                .containsExactly("TextBlock", "TextBlock", "FactSet");
        assertThat(card.get("body").get(2).get("facts").valueStream().map(f -> f.get("title").asString()))
                .contains("Severity", "Cause", "Ticket", "Description", "Customer", "Customer phone", "Source",
                        "Opened", "First response due", "Paged", "Also paged", "Acknowledge by");
        JsonNode acknowledge = card.get("actions").get(0);
        assertThat(acknowledge.get("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(acknowledge.get("title").asString()).isEqualTo("Acknowledge");
        assertThat(acknowledge.get("url").asString()).isEqualTo(ACK.toString());
    }

    private static PageMessage page() {
        return new PageMessage("event-1", "page-1", "ticket-1", "kunde-as", "CRITICAL", "CRITICAL_TICKET_OPENED", 1,
                "on-call engineer", 1, null, "Kari Nordmann", "kari@biztek.no", null,
                Instant.parse("2026-03-03T01:15:00Z"), ACK, WebhookBodyTest.FACTS, List.of("Ola Nordmann"));
    }
}
