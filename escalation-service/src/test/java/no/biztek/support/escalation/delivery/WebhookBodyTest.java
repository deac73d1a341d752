package no.biztek.support.escalation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The three webhook body formats carry the page and its acknowledgement link. */
class WebhookBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final PageMessage PAGE = new PageMessage("event-1", "page-1", "ticket-1", "kunde-as", "CRITICAL",
            "CRITICAL_TICKET_OPENED", 2, "secondary", 1, "ACKNOWLEDGEMENT_TIMEOUT", "Kari Nordmann", "kari@biztek.no",
            null, Instant.parse("2026-03-03T01:30:00Z"), URI.create("https://escalation.biztek.no/ack/abc.def"));

    @Test
    void plainJsonHasEveryField() {
        JsonNode body = JSON.readTree(WebhookChannel.body(PAGE, DeliveryProperties.Format.PLAIN, OSLO));

        assertThat(body.get("type").asString()).isEqualTo("PageReEscalated");
        assertThat(body.get("pageId").asString()).isEqualTo("page-1");
        assertThat(body.get("level").asInt()).isEqualTo(2);
        assertThat(body.get("reEscalationReason").asString()).isEqualTo("ACKNOWLEDGEMENT_TIMEOUT");
        assertThat(body.get("paged").get("email").asString()).isEqualTo("kari@biztek.no");
        assertThat(body.get("acknowledgeBy").asString()).isEqualTo("2026-03-03T01:30:00Z");
        assertThat(body.get("acknowledgeUrl").asString()).isEqualTo("https://escalation.biztek.no/ack/abc.def");
    }

    @Test
    void teamsGetsAMessageCardWithAnAcknowledgeButton() {
        JsonNode body = JSON.readTree(WebhookChannel.body(PAGE, DeliveryProperties.Format.TEAMS, OSLO));

        assertThat(body.get("@type").asString()).isEqualTo("MessageCard");
        assertThat(body.get("title").asString()).contains("Severity 1").contains("ticket-1");
        assertThat(body.get("text").asString()).contains("secondary").contains("3.3.2026 02:30");
        JsonNode action = body.get("potentialAction").get(0);
        assertThat(action.get("@type").asString()).isEqualTo("OpenUri");
        assertThat(action.get("targets").get(0).get("uri").asString()).endsWith("/ack/abc.def");
    }

    @Test
    void slackGetsTextAndAButton() {
        JsonNode body = JSON.readTree(WebhookChannel.body(PAGE, DeliveryProperties.Format.SLACK, OSLO));

        assertThat(body.get("text").asString()).contains("ticket-1").contains("/ack/abc.def");
        JsonNode button = body.get("blocks").get(1).get("elements").get(0);
        assertThat(button.get("type").asString()).isEqualTo("button");
        assertThat(button.get("url").asString()).endsWith("/ack/abc.def");
    }

    /** A customer id with JSON's special characters: the body stays JSON and carries it unchanged. */
    private static final WithdrawalMessage WITHDRAWAL = new WithdrawalMessage("event-2", "page-1", "ticket-1",
            "kunde \"AS\"\n<b>", "SERIOUS", "breach withdrawn: first response recorded at 01:55", "breach-1",
            "Kari Nordmann", "kari@biztek.no", null);

    @Test
    void aWithdrawalInPlainJsonSaysWhyAndForWhom() {
        JsonNode body = JSON.readTree(WebhookChannel.body(WITHDRAWAL, DeliveryProperties.Format.PLAIN, OSLO));

        assertThat(body.get("type").asString()).isEqualTo("PageClosed");
        assertThat(body.get("reason").asString()).isEqualTo("CAUSE_WITHDRAWN");
        assertThat(body.get("explanation").asString()).isEqualTo("breach withdrawn: first response recorded at 01:55");
        assertThat(body.get("supersededEventId").asString()).isEqualTo("breach-1");
        assertThat(body.get("customerId").asString()).isEqualTo("kunde \"AS\"\n<b>");
        assertThat(body.get("paged").get("email").asString()).isEqualTo("kari@biztek.no");
        assertThat(body.has("acknowledgeUrl")).isFalse();
    }

    @Test
    void aWithdrawalInTeamsAndSlackHasTheExplanationAndNoAcknowledgeButton() {
        JsonNode teams = JSON.readTree(WebhookChannel.body(WITHDRAWAL, DeliveryProperties.Format.TEAMS, OSLO));
        JsonNode slack = JSON.readTree(WebhookChannel.body(WITHDRAWAL, DeliveryProperties.Format.SLACK, OSLO));

        assertThat(teams.get("title").asString()).startsWith("[Severity 2] Page withdrawn: ticket ticket-1");
        assertThat(teams.get("text").asString()).contains("first response recorded at 01:55");
        assertThat(teams.has("potentialAction")).isFalse();
        assertThat(slack.get("text").asString()).contains("Page withdrawn")
                .contains("first response recorded at 01:55");
        assertThat(slack.get("blocks")).hasSize(1);
        assertThat(slack.get("blocks").get(0).get("text").get("text").asString()).contains("nothing to acknowledge");
    }
}
