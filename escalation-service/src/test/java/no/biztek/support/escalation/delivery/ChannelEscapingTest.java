package no.biztek.support.escalation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.escalation.facts.TicketFacts;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaWarning;

/**
 * Every free-text value of a page or the end of one is written as text on every channel: a customer id that tries to
 * be a Slack link or a fake Acknowledge button, and a name with markdown and a line break, show as what they are
 * and never as markup, an extra line, or an extra mail header.
 */
class ChannelEscapingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String CUSTOMER = "x <https://evil|Acknowledge here>";
    private static final String NAME = "*bold*\r\nAcknowledge: https://evil";
    private static final String TICKET = "ticket_1 [x](https://evil)";

    private static final PageMessage PAGE = new PageMessage("event-1", "page-1", TICKET, CUSTOMER, "CRITICAL",
            "CRITICAL_TICKET_OPENED", 1, NAME, 1, null, NAME, "kari@biztek.no", null,
            Instant.parse("2026-03-03T01:30:00Z"), URI.create("https://escalation.biztek.no/ack/abc.def"),
            new TicketFacts(TICKET, CUSTOMER, null, NAME, null, null, null, null, null, NAME, null, null, null),
            List.of(NAME));
    private static final PageEndedMessage WITHDRAWAL = new PageEndedMessage(PageEndedMessage.Ending.WITHDRAWN,
            "event-2", "page-1", TICKET, CUSTOMER, "SERIOUS", TicketFacts.unknown(TICKET, CUSTOMER), null,
            Instant.parse("2026-03-03T01:31:00Z"), "first response by " + NAME, "CAUSE_WITHDRAWN", "breach-1", NAME,
            "kari@biztek.no", null);
    private static final PageEndedMessage ACKNOWLEDGED = new PageEndedMessage(PageEndedMessage.Ending.ACKNOWLEDGED,
            "event-3", "page-1", TICKET, CUSTOMER, "CRITICAL", TicketFacts.unknown(TICKET, CUSTOMER), NAME,
            Instant.parse("2026-03-03T01:31:00Z"), null, null, null, "Ola", "ola@biztek.no", null);

    private static JsonNode body(OnCallMessage message, DeliveryProperties.Format format) {
        return JSON.readTree(WebhookChannel.body(message, format, OSLO));
    }

    /** Every text of a Slack message: the fallback, section texts and fields. */
    private static List<String> slackTexts(JsonNode slack) {
        List<String> texts = new ArrayList<>(List.of(slack.get("text").asString()));
        slack.get("blocks").valueStream().forEach(block -> {
            if (block.has("text")) {
                texts.add(block.get("text").get("text").asString());
            }
            if (block.has("fields")) {
                block.get("fields").valueStream().forEach(f -> texts.add(f.get("text").asString()));
            }
        });
        return texts;
    }

    /** Every text of a Teams Adaptive Card: its text blocks and fact values. */
    private static List<String> teamsTexts(JsonNode teams) {
        List<String> texts = new ArrayList<>();
        teams.get("attachments").get(0).get("content").get("body").valueStream().forEach(element -> {
            if (element.has("text")) {
                texts.add(element.get("text").asString());
            }
            if (element.has("facts")) {
                element.get("facts").valueStream().forEach(f -> texts.add(f.get("value").asString()));
            }
        });
        return texts;
    }

    @Test
    void slackShowsTheValuesAsTextWithoutLinksFormattingOrLineBreaks() {
        for (OnCallMessage message : List.of(PAGE, WITHDRAWAL, ACKNOWLEDGED)) {
            JsonNode slack = body(message, DeliveryProperties.Format.SLACK);
            List<String> texts = slackTexts(slack);

            assertThat(String.join(" ", texts)).contains("x &lt;https://evil|Acknowledge here&gt;")
                    .contains("ticket\u200B_1 [x](https://evil)");
            for (String text : texts) {
                assertThat(text).doesNotContain("<https://evil").doesNotContain("*bold*").doesNotContain("\r")
                        .doesNotContain("\nAcknowledge: https://evil");
            }
            String section = slack.get("blocks").get(0).get("text").get("text").asString();
            assertThat(section).as("the only line break is the one after the title").containsOnlyOnce("\n");
            slack.get("blocks").valueStream().filter(b -> b.has("fields")).flatMap(b -> b.get("fields").valueStream())
                    .forEach(f -> assertThat(f.get("text").asString()).as("a label, a line break, the value")
                            .containsOnlyOnce("\n").startsWith("*"));
        }
        assertThat(String.join(" ", slackTexts(body(PAGE, DeliveryProperties.Format.SLACK))))
                .as("a name cannot start bold text").contains("\u200B*bold\u200B*");
        JsonNode page = body(PAGE, DeliveryProperties.Format.SLACK);
        JsonNode actions = page.get("blocks").get(page.get("blocks").size() - 1);
        assertThat(actions.get("elements")).as("one button, ours").hasSize(1);
        assertThat(actions.get("elements").get(0).get("url").asString())
                .isEqualTo("https://escalation.biztek.no/ack/abc.def");
    }

    @Test
    void teamsShowsTheValuesAsTextWithoutMarkdownLinksOrLineBreaks() {
        for (OnCallMessage message : List.of(PAGE, WITHDRAWAL, ACKNOWLEDGED)) {
            List<String> texts = teamsTexts(body(message, DeliveryProperties.Format.TEAMS));

            assertThat(String.join(" ", texts)).contains("x \\<https://evil\\|Acknowledge here\\>")
                    .contains("ticket\\_1 \\[x\\]\\(https://evil\\)");
            for (String text : texts) {
                assertThat(text).doesNotContain("\r").doesNotContain("\n").doesNotContain(" <https://evil")
                        .doesNotContain("[x](");
            }
        }
        assertThat(String.join(" ", teamsTexts(body(PAGE, DeliveryProperties.Format.TEAMS)))).contains("\\*bold\\*")
                .doesNotContain(" *bold*");
        assertThat(body(PAGE, DeliveryProperties.Format.TEAMS).get("attachments").get(0).get("content")
                .get("actions")).as("one button, ours").hasSize(1);
    }

    @Test
    void slackGetsNoTextBeyondItsLimitsHoweverLongTheValuesAreOnceEscaped() {
        TicketFacts huge = new TicketFacts(TICKET, CUSTOMER, "&".repeat(900), null, "*".repeat(64), "1",
                URI.create("https://z.example/tickets/1"), null, "<".repeat(700), null, null, null, null);
        PageMessage page = new PageMessage("event-9", "page-9", TICKET, CUSTOMER, "CRITICAL", "CRITICAL_TICKET_OPENED",
                1, "on-call engineer", 1, null, "Kari", "kari@biztek.no", null, Instant.parse("2026-03-03T01:30:00Z"),
                URI.create("https://escalation.biztek.no/ack/abc.def"), huge, List.of());

        JsonNode slack = body(page, DeliveryProperties.Format.SLACK);

        assertThat(slack.get("blocks").get(0).get("text").get("text").asString()).hasSizeLessThanOrEqualTo(3000);
        slack.get("blocks").valueStream().filter(b -> b.has("fields")).flatMap(b -> b.get("fields").valueStream())
                .forEach(f -> assertThat(f.get("text").asString()).hasSizeLessThanOrEqualTo(2000));
        JsonNode buttons = slack.get("blocks").get(slack.get("blocks").size() - 1).get("elements");
        buttons.valueStream().forEach(b -> assertThat(b.get("text").get("text").asString())
                .hasSizeLessThanOrEqualTo(75));
        assertThat(buttons.get(0).get("text").get("text").asString()).isEqualTo("Acknowledge");
    }

    @Test
    void plainJsonKeepsTheValuesAndItsTextIsOneLine() {
        JsonNode plain = body(WITHDRAWAL, DeliveryProperties.Format.PLAIN);

        assertThat(plain.get("customerId").asString()).isEqualTo(CUSTOMER);
        assertThat(plain.get("paged").get("name").asString()).isEqualTo(NAME);
        assertThat(plain.get("text").asString()).contains("first response by *bold* Acknowledge: https://evil")
                .doesNotContain("\n").doesNotContain("\r");
        assertThat(body(PAGE, DeliveryProperties.Format.PLAIN).get("levelName").asString()).isEqualTo(NAME);
    }

    @Test
    void aMailSubjectIsOneLineAndTheBodyGetsNoForgedLines() {
        List<SimpleMailMessage> sent = new ArrayList<>();
        MailChannel mail = new MailChannel(new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... messages) {
                sent.addAll(List.of(messages));
            }
        }, "oncall@biztek.no", OSLO);
        String longCustomer = "kunde\r\nBcc: everyone@example.com " + "y".repeat(300);
        PageMessage longPage = new PageMessage("event-3", "page-3", "ticket-3", longCustomer, "CRITICAL",
                "CRITICAL_TICKET_OPENED", 1, "on-call engineer", 1, null, "Kari", "kari@biztek.no", null,
                Instant.parse("2026-03-03T01:30:00Z"), URI.create("https://escalation.biztek.no/ack/abc.def"),
                TicketFacts.unknown("ticket-3", longCustomer), List.of());

        mail.send(PAGE);
        mail.send(WITHDRAWAL);
        mail.send(longPage);
        mail.send(ACKNOWLEDGED);

        for (SimpleMailMessage message : sent) {
            assertThat(message.getSubject()).doesNotContain("\r").doesNotContain("\n");
            assertThat(message.getText()).doesNotContain("\nAcknowledge: https://evil")
                    .doesNotContain("\nBcc:").doesNotContain("\r");
        }
        assertThat(sent.get(0).getSubject()).isEqualTo("[Severity 1 – Critical] Critical ticket opened: ticket "
                + "ticket_1 [x](https://evil) – x <https://evil|Acknowledge here>");
        assertThat(sent.get(0).getText()).contains("You are paged as *bold* Acknowledge: https://evil. Acknowledge by")
                .containsPattern("Description: +\\*bold\\* / Acknowledge: https://evil\n")
                .containsPattern("Customer phone: +\\*bold\\* Acknowledge: https://evil\n")
                .contains("\n\nAcknowledge: https://escalation.biztek.no/ack/abc.def\n");
        assertThat(sent.get(1).getText()).contains("Withdrawn: first response by *bold* Acknowledge: https://evil.");
        assertThat(sent.get(2).getSubject()).contains("kunde Bcc: everyone@example.com yyy").contains("…")
                .hasSizeLessThan(220);
        assertThat(sent.get(3).getSubject()).contains("Acknowledged by *bold* Acknowledge: https://evil:");
    }

    @Test
    void theDesksSlaWarningsAreEscapedToo() {
        SlaEvent event = TestEvents.warning("ticket-1", CUSTOMER, Severity.SERIOUS, 75,
                Instant.parse("2026-03-03T08:00:00Z"), Instant.parse("2026-03-03T11:00:00Z"));
        SlaWarning warning = (SlaWarning) event.getPayload();

        JsonNode slack = JSON.readTree(DeskWarningListener.body(event, warning, DeliveryProperties.Format.SLACK, OSLO));
        JsonNode teams = JSON.readTree(DeskWarningListener.body(event, warning, DeliveryProperties.Format.TEAMS, OSLO));

        assertThat(slack.get("text").asString()).contains("x &lt;https://evil|Acknowledge here&gt;")
                .doesNotContain("<https://evil");
        assertThat(teamsTexts(teams)).anySatisfy(t -> assertThat(t).contains("x \\<https://evil\\|Acknowledge here\\>"));
    }

    @Test
    void theDesksBreachesAreEscapedToo() {
        SlaEvent event = TestEvents.breached("ticket-1", CUSTOMER, Severity.SERIOUS,
                Instant.parse("2026-03-03T08:00:00Z"), Instant.parse("2026-03-03T11:00:00Z"));
        event.setMetric("resolution");

        JsonNode slack = JSON.readTree(DeskBreachMessage.body(event, DeliveryProperties.Format.SLACK, OSLO));
        JsonNode teams = JSON.readTree(DeskBreachMessage.body(event, DeliveryProperties.Format.TEAMS, OSLO));
        JsonNode plain = JSON.readTree(DeskBreachMessage.body(event, DeliveryProperties.Format.PLAIN, OSLO));

        assertThat(slack.get("text").asString()).contains("x &lt;https://evil|Acknowledge here&gt;")
                .doesNotContain("<https://evil");
        assertThat(teamsTexts(teams)).anySatisfy(t -> assertThat(t).contains("x \\<https://evil\\|Acknowledge here\\>"));
        assertThat(plain.get("customerId").asString()).isEqualTo(CUSTOMER);
    }
}
