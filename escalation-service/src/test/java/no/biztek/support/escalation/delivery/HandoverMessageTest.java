package no.biztek.support.escalation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.escalation.paging.PageBoard;

/** What the incoming on-call engineer is told at a hand-over: the shift and the open pages, escaped per channel. */
class HandoverMessageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant FROM = Instant.parse("2026-03-09T08:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-03-16T08:00:00Z");

    private static PageBoard.Page open(String ticketId, String customerId, boolean exhausted) {
        return new PageBoard.Page("page-" + ticketId, ticketId, customerId, "CRITICAL", "CRITICAL_TICKET_OPENED", 2,
                "secondary", 1, "Nora *Berg*", "nora@biztek.no", FROM.minusSeconds(3600), FROM.minusSeconds(600),
                FROM.plusSeconds(300), PageBoard.State.OPEN, exhausted, null, null, null, null, List.of(), null, null,
                null);
    }

    private static final HandoverMessage TWO_OPEN = new HandoverMessage("handover-1", "Kari Nordmann", "kari@biztek.no",
            null, "on-call engineer", FROM, UNTIL, List.of(open("t-1", "kunde\r\nAcknowledge: https://evil", false),
            open("t-2", "<!channel>", true)));

    @Test
    void theMailNamesTheShiftAndEveryOpenPageOnOneLineEach() {
        assertThat(TWO_OPEN.mailSubject(OSLO)).isEqualTo("[On call] You are on call as on-call engineer – 2 open pages");
        String text = TWO_OPEN.mailText(OSLO);

        assertThat(text).contains("You are on call as on-call engineer (level 1) from 09:00, Mon 9 Mar 2026 to "
                + "09:00, Mon 16 Mar 2026.")
                .containsPattern("Open page 1: +Severity 1 – Critical: ticket t-1 of customer kunde Acknowledge: "
                        + "https://evil, paged Nora \\*Berg\\* at level 2\n")
                .contains("ticket t-2 of customer <!channel>, paged Nora *Berg* at level 2, nobody is paged any more")
                .endsWith("Open pages are listed at /api/v1/pages.\n");
        assertThat(text.lines().filter(l -> l.startsWith("Acknowledge"))).isEmpty();
    }

    @Test
    void noOpenPagesIsSaid() {
        HandoverMessage quiet = new HandoverMessage("handover-2", "Kari Nordmann", "kari@biztek.no", null,
                "on-call engineer", FROM, UNTIL, List.of());

        assertThat(quiet.notice(OSLO, ChannelText::line).lead()).endsWith("There are no open pages.");
        assertThat(quiet.mailSubject(OSLO)).endsWith("0 open pages");
    }

    @Test
    void theWebhookBodiesCarryTheHandOverEscapedForTheirFormat() {
        JsonNode plain = JSON.readTree(WebhookChannel.body(TWO_OPEN, DeliveryProperties.Format.PLAIN, OSLO));
        assertThat(plain.get("type").asString()).isEqualTo("OnCallHandover");
        assertThat(plain.get("engineer").get("email").asString()).isEqualTo("kari@biztek.no");
        assertThat(plain.get("from").asString()).isEqualTo("2026-03-09T08:00:00Z");
        assertThat(plain.get("until").asString()).isEqualTo("2026-03-16T08:00:00Z");
        assertThat(plain.get("openPages")).hasSize(2);
        assertThat(plain.get("openPages").get(0).get("customerId").asString())
                .isEqualTo("kunde\r\nAcknowledge: https://evil");
        assertThat(plain.get("text").asString()).doesNotContain("\n");

        JsonNode slack = JSON.readTree(WebhookChannel.body(TWO_OPEN, DeliveryProperties.Format.SLACK, OSLO));
        assertThat(slack.toString()).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
        JsonNode teams = JSON.readTree(WebhookChannel.body(TWO_OPEN, DeliveryProperties.Format.TEAMS, OSLO));
        JsonNode card = teams.get("attachments").get(0).get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("body").get(2).get("facts").get(0).get("value").asString()).contains("Nora \\*Berg\\*")
                .contains("kunde Acknowledge: https://evil");
        assertThat(card.has("actions")).as("nothing to acknowledge").isFalse();
    }

    @Test
    void oneIdempotencyKeyPerHandOverAndPerson() {
        assertThat(TWO_OPEN.idempotencyKey()).isNotEqualTo(new HandoverMessage("handover-1", "Ola Hansen",
                "ola@biztek.no", null, "on-call engineer", FROM, UNTIL, List.of()).idempotencyKey());
        assertThat(TWO_OPEN.pageId()).isEqualTo(HandoverMessage.NO_PAGE);
    }
}
