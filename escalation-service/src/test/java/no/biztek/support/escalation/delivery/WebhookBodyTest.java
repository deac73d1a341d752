package no.biztek.support.escalation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.escalation.facts.TicketFacts;

/**
 * A page says, on every channel, what an engineer needs at 02:00: severity and cause in words, the ticket's title and
 * first lines, the customer's name and phone, the source ticket with a link, opened and due times in Europe/Oslo, who
 * else was paged, and the acknowledgement link; the end of a page says who acknowledged it and when, or why it
 * ended.
 */
class WebhookBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final TicketFacts FACTS = new TicketFacts("ticket-1", "kunde-as", "VPN down for everyone",
            "Nobody can connect since 01:50.\n\nThe office opens at 07:00.\nCall Per.\nFourth line", "zendesk", "4711",
            URI.create("https://biztek.zendesk.com/agent/tickets/4711"), Instant.parse("2026-03-03T00:55:00Z"),
            "Kunde AS", "+47 22 00 00 00", Instant.parse("2026-03-03T01:55:00Z"), null, null);
    private static final PageMessage PAGE = new PageMessage("event-1", "page-1", "ticket-1", "kunde-as", "CRITICAL",
            "CRITICAL_TICKET_OPENED", 2, "secondary", 1, "ACKNOWLEDGEMENT_TIMEOUT", "Kari Nordmann", "kari@biztek.no",
            null, Instant.parse("2026-03-03T01:30:00Z"), URI.create("https://escalation.biztek.no/ack/abc.def"), FACTS,
            List.of("Ola Nordmann"));

    @Test
    void plainJsonHasEveryField() {
        JsonNode body = JSON.readTree(WebhookChannel.body(PAGE, DeliveryProperties.Format.PLAIN, OSLO));

        assertThat(body.get("type").asString()).isEqualTo("PageReEscalated");
        assertThat(body.get("pageId").asString()).isEqualTo("page-1");
        assertThat(body.get("level").asInt()).isEqualTo(2);
        assertThat(body.get("reEscalationReason").asString()).isEqualTo("ACKNOWLEDGEMENT_TIMEOUT");
        assertThat(body.get("paged").get("email").asString()).isEqualTo("kari@biztek.no");
        assertThat(body.get("alsoPaged").get(0).asString()).isEqualTo("Ola Nordmann");
        assertThat(body.get("acknowledgeBy").asString()).isEqualTo("2026-03-03T01:30:00Z");
        assertThat(body.get("acknowledgeUrl").asString()).isEqualTo("https://escalation.biztek.no/ack/abc.def");
        assertThat(body.get("ticket").get("title").asString()).isEqualTo("VPN down for everyone");
        assertThat(body.get("ticket").get("sourceUrl").asString()).endsWith("/tickets/4711");
        assertThat(body.get("ticket").get("firstResponseDueAt").asString()).isEqualTo("2026-03-03T01:55:00Z");
        assertThat(body.get("ticket").get("resolutionDueAt").isNull()).as("the plan sets none").isTrue();
        assertThat(body.get("customer").get("phone").asString()).isEqualTo("+47 22 00 00 00");
        assertThat(body.get("text").asString()).contains("Severity 1 – Critical").contains("VPN down for everyone");
    }

    @Test
    void theMailSaysEverythingInWordsAndLocalTime() {
        String text = PAGE.mailText(OSLO);

        assertThat(PAGE.mailSubject(OSLO))
                .isEqualTo("[Severity 1 – Critical] Critical ticket opened: VPN down for everyone – Kunde AS");
        assertThat(text).contains("Re-escalated, round 1: the previous level did not acknowledge in time.")
                .contains("You are paged as secondary. Acknowledge by 02:30, Tue 3 Mar 2026")
                .containsPattern("Ticket: +VPN down for everyone\n")
                .as("the first three lines of the description")
                .containsPattern("Description: +Nobody can connect since 01:50\\. / The office opens at 07:00\\. / "
                        + "Call Per\\.\n")
                .containsPattern("Customer: +Kunde AS\n").containsPattern("Customer phone: +\\+47 22 00 00 00\n")
                .containsPattern("Source: +zendesk 4711\n").containsPattern("Opened: +01:55, Tue 3 Mar 2026\n")
                .containsPattern("First response due: +02:55, Tue 3 Mar 2026\n")
                .containsPattern("Paged: +Kari Nordmann as secondary \\(level 2, round 1\\)\n")
                .containsPattern("Also paged: +Ola Nordmann\n")
                .contains("\n\nAcknowledge: https://escalation.biztek.no/ack/abc.def\n")
                .contains("Open in zendesk: https://biztek.zendesk.com/agent/tickets/4711\n")
                .doesNotContain("Fourth line").doesNotContain("CRITICAL_TICKET_OPENED").doesNotContain("Resolution due");
    }

    @Test
    void teamsGetsAWorkflowsMessageWithAnAdaptiveCardOfTheFactsAndAnAcknowledgeButton() {
        JsonNode body = JSON.readTree(WebhookChannel.body(PAGE, DeliveryProperties.Format.TEAMS, OSLO));

        assertThat(body.get("type").asString()).isEqualTo("message");
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("body").get(0).get("text").asString()).contains("Severity 1 – Critical")
                .contains("VPN down for everyone");
        assertThat(card.get("body").get(1).get("text").asString()).contains("02:30, Tue 3 Mar 2026");
        JsonNode facts = card.get("body").get(2).get("facts");
        assertThat(facts.valueStream().map(f -> f.get("title").asString() + "=" + f.get("value").asString()))
                .contains("Customer phone=+47 22 00 00 00", "Also paged=Ola Nordmann", "Source=zendesk 4711");
        JsonNode acknowledge = card.get("actions").get(0);
        assertThat(acknowledge.get("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(acknowledge.get("title").asString()).isEqualTo("Acknowledge");
        assertThat(acknowledge.get("url").asString()).endsWith("/ack/abc.def");
        assertThat(card.get("actions").get(1).get("url").asString()).endsWith("/tickets/4711");
    }

    @Test
    void slackGetsBlockKitWithTheFactsAndAnAcknowledgeButton() {
        JsonNode body = JSON.readTree(WebhookChannel.body(PAGE, DeliveryProperties.Format.SLACK, OSLO));

        assertThat(body.get("text").asString()).contains("VPN down for everyone").contains("/ack/abc.def");
        JsonNode blocks = body.get("blocks");
        assertThat(blocks.get(0).get("text").get("text").asString()).startsWith("*[Severity 1 – Critical]");
        assertThat(blocks.valueStream().filter(b -> b.has("fields")).flatMap(b -> b.get("fields").valueStream())
                .map(f -> f.get("text").asString()))
                .contains("*Customer phone*\n+47 22 00 00 00", "*Also paged*\nOla Nordmann");
        JsonNode buttons = blocks.get(blocks.size() - 1).get("elements");
        assertThat(buttons.get(0).get("type").asString()).isEqualTo("button");
        assertThat(buttons.get(0).get("text").get("text").asString()).isEqualTo("Acknowledge");
        assertThat(buttons.get(0).get("url").asString()).endsWith("/ack/abc.def");
        assertThat(buttons.get(1).get("url").asString()).endsWith("/tickets/4711");
    }

    @Test
    void aPageOfAFirstResponseBreachSaysSoAndWithoutFactsStillNamesTheTicketAndCustomer() {
        PageMessage breach = new PageMessage("event-2", "page-2", "ticket-2", "kunde-as", "SERIOUS", "SLA_BREACHED",
                1, "on-call engineer", 1, null, "Kari", "kari@biztek.no", null, Instant.parse("2026-03-03T09:30:00Z"),
                URI.create("https://escalation.biztek.no/ack/x.y"), new TicketFacts("ticket-2", "kunde-as", null, null,
                null, null, null, null, null, null, null, null, "first-response"), List.of());

        assertThat(breach.mailSubject(OSLO))
                .isEqualTo("[Severity 2 – Serious] First-response deadline breached: ticket ticket-2 – kunde-as");
        assertThat(breach.mailText(OSLO)).doesNotContain("Also paged").doesNotContain("Customer phone")
                .doesNotContain("Open in");
    }

    /** A customer id with JSON's special characters: the body stays JSON and carries it unchanged. */
    private static final PageEndedMessage WITHDRAWAL = new PageEndedMessage(PageEndedMessage.Ending.WITHDRAWN,
            "event-2", "page-1", "ticket-1", "kunde \"AS\"\n<b>", "SERIOUS",
            TicketFacts.unknown("ticket-1", "kunde \"AS\"\n<b>"), null, Instant.parse("2026-03-03T00:56:00Z"),
            "breach withdrawn: first response recorded at 01:55", "CAUSE_WITHDRAWN", "breach-1", "Kari Nordmann",
            "kari@biztek.no", null);

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
        JsonNode teams = JSON.readTree(WebhookChannel.body(WITHDRAWAL, DeliveryProperties.Format.TEAMS, OSLO))
                .get("attachments").get(0).get("content");
        JsonNode slack = JSON.readTree(WebhookChannel.body(WITHDRAWAL, DeliveryProperties.Format.SLACK, OSLO));

        assertThat(teams.get("body").get(0).get("text").asString())
                .startsWith("[Severity 2 – Serious] Page withdrawn: ticket ticket-1");
        assertThat(teams.get("body").get(1).get("text").asString()).contains("first response recorded at 01:55");
        assertThat(teams.has("actions")).as("nothing to acknowledge, no source link known").isFalse();
        assertThat(slack.get("text").asString()).contains("Page withdrawn");
        assertThat(slack.get("blocks").get(0).get("text").get("text").asString())
                .contains("first response recorded at 01:55").contains("nothing to acknowledge");
        assertThat(slack.get("blocks").valueStream().map(b -> b.get("type").asString())).doesNotContain("actions");
    }

    @Test
    void anAcknowledgementTellsWhoAndWhen() {
        PageEndedMessage acknowledged = new PageEndedMessage(PageEndedMessage.Ending.ACKNOWLEDGED, "event-3", "page-1",
                "ticket-1", "kunde-as", "CRITICAL", FACTS, "Ola Nordmann", Instant.parse("2026-03-03T01:07:00Z"), null,
                null, null, "Kari Nordmann", "kari@biztek.no", null);

        assertThat(acknowledged.mailSubject(OSLO))
                .isEqualTo("[Severity 1 – Critical] Acknowledged by Ola Nordmann: VPN down for everyone – Kunde AS");
        assertThat(acknowledged.mailText(OSLO))
                .contains("Ola Nordmann acknowledged the page at 02:07, Tue 3 Mar 2026 and is on it.")
                .contains("Open in zendesk: https://biztek.zendesk.com/agent/tickets/4711");
        JsonNode plain = JSON.readTree(WebhookChannel.body(acknowledged, DeliveryProperties.Format.PLAIN, OSLO));
        assertThat(plain.get("type").asString()).isEqualTo("PageAcknowledged");
        assertThat(plain.get("acknowledgedBy").asString()).isEqualTo("Ola Nordmann");
        assertThat(plain.get("at").asString()).isEqualTo("2026-03-03T01:07:00Z");
    }
}
