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
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaWarning;

/**
 * Every free-text value of a page or a withdrawal is written as text on every channel: a customer id that tries to
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
            Instant.parse("2026-03-03T01:30:00Z"), URI.create("https://escalation.biztek.no/ack/abc.def"));
    private static final WithdrawalMessage WITHDRAWAL = new WithdrawalMessage("event-2", "page-1", TICKET, CUSTOMER,
            "SERIOUS", "first response by " + NAME, "breach-1", NAME, "kari@biztek.no", null);

    private static JsonNode body(OnCallMessage message, DeliveryProperties.Format format) {
        return JSON.readTree(WebhookChannel.body(message, format, OSLO));
    }

    @Test
    void slackShowsTheValuesAsTextWithoutLinksFormattingOrLineBreaks() {
        for (OnCallMessage message : List.of(PAGE, WITHDRAWAL)) {
            JsonNode slack = body(message, DeliveryProperties.Format.SLACK);
            String section = slack.get("blocks").get(0).get("text").get("text").asString();
            String fallback = slack.get("text").asString();

            for (String text : List.of(section, fallback)) {
                assertThat(text).contains("x &lt;https://evil|Acknowledge here&gt;").doesNotContain("<https://evil")
                        .doesNotContain("*bold*").doesNotContain("\r");
            }
            assertThat(section).as("a name cannot start bold text").contains("\u200B*bold\u200B*")
                    .as("the only line break is the one after the title").containsOnlyOnce("\n")
                    .doesNotContain("\nAcknowledge: https://evil");
            assertThat(section).contains("ticket\u200B_1 [x](https://evil)");
        }
        JsonNode page = body(PAGE, DeliveryProperties.Format.SLACK);
        assertThat(page.get("blocks").get(1).get("elements")).as("one button, ours").hasSize(1);
        assertThat(page.get("blocks").get(1).get("elements").get(0).get("url").asString())
                .isEqualTo("https://escalation.biztek.no/ack/abc.def");
    }

    @Test
    void teamsShowsTheValuesAsTextWithoutMarkdownHtmlOrLineBreaks() {
        for (OnCallMessage message : List.of(PAGE, WITHDRAWAL)) {
            JsonNode teams = body(message, DeliveryProperties.Format.TEAMS);
            String text = teams.get("text").asString();
            String title = teams.get("title").asString();

            assertThat(text).contains("x &lt;https://evil\\|Acknowledge here&gt;").contains("\\*bold\\*")
                    .doesNotContain("<https://evil").doesNotContain("\r").doesNotContain("\n");
            assertThat(title).contains("ticket\\_1 \\[x\\]\\(https://evil\\)")
                    .contains("(x &lt;https://evil\\|Acknowledge here&gt;)").doesNotContain("\n");
            assertThat(teams.get("summary").asString()).as("the notification preview is plain text")
                    .contains("x <https://evil|Acknowledge here>").doesNotContain("\n");
        }
        assertThat(body(PAGE, DeliveryProperties.Format.TEAMS).get("potentialAction")).hasSize(1);
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
                Instant.parse("2026-03-03T01:30:00Z"), URI.create("https://escalation.biztek.no/ack/abc.def"));

        mail.send(PAGE);
        mail.send(WITHDRAWAL);
        mail.send(longPage);

        for (SimpleMailMessage message : sent) {
            assertThat(message.getSubject()).doesNotContain("\r").doesNotContain("\n");
            assertThat(message.getText()).doesNotContain("\nAcknowledge: https://evil")
                    .doesNotContain("\nBcc:").doesNotContain("\r");
        }
        assertThat(sent.get(0).getSubject()).isEqualTo("[Severity 1] Page: ticket ticket_1 [x](https://evil) "
                + "(x <https://evil|Acknowledge here>) – acknowledge now");
        assertThat(sent.get(0).getText()).contains("paged as *bold* Acknowledge: https://evil (level 1")
                .contains("\n\nAcknowledge: https://escalation.biztek.no/ack/abc.def\n");
        assertThat(sent.get(1).getText()).contains("Why: first response by *bold* Acknowledge: https://evil.");
        assertThat(sent.get(2).getSubject()).contains("kunde Bcc: everyone@example.com yyy").contains("…)")
                .hasSizeLessThan(200);
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
        assertThat(teams.get("text").asString()).contains("x &lt;https://evil\\|Acknowledge here&gt;");
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
        assertThat(teams.get("text").asString()).contains("x &lt;https://evil\\|Acknowledge here&gt;");
        assertThat(plain.get("customerId").asString()).isEqualTo(CUSTOMER);
    }
}
