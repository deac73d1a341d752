package no.biztek.support.escalation.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.facts.Labels;
import no.biztek.support.escalation.facts.TicketFacts;

/** The acknowledgement page's words: labels instead of enum names, times in Oslo, every value escaped. */
class AckPageTest {

    /** Tuesday 3 March 2026, 02:15 in Oslo. */
    private static final Instant ACK_BY = Instant.parse("2026-03-03T01:15:00Z");
    private static final AckPage PAGES = new AckPage(ZoneId.of("Europe/Oslo"),
            Clock.fixed(ACK_BY.minusSeconds(12 * 60 + 30), ZoneOffset.UTC));

    private static final TicketFacts NONE = TicketFacts.unknown("ticket-1", "kunde-as");

    private static AckPage.View view(String severity, String cause, int round, PageBoard.State state,
                                     TicketFacts facts) {
        return new AckPage.View("ticket-1", "kunde-as", severity, cause, 1, "on-call engineer", round,
                "Nora Berg", ACK_BY, state, state == PageBoard.State.ACKNOWLEDGED ? "Kari Nordmann" : null,
                state == PageBoard.State.ACKNOWLEDGED ? Instant.parse("2026-03-03T01:04:00Z") : null,
                state == PageBoard.State.CLOSED ? Instant.parse("2026-03-03T01:30:00Z") : null,
                state == PageBoard.State.WITHDRAWN ? Instant.parse("2026-03-03T01:20:00Z") : null,
                state == PageBoard.State.WITHDRAWN ? "breach withdrawn: first response recorded at 02:10" : null,
                facts, List.of());
    }

    @Test
    void anOpenPageSaysItsFactsInWordsWithOneButtonAndNoScript() {
        String html = PAGES.confirm(view("CRITICAL", "CRITICAL_TICKET_OPENED", 1, PageBoard.State.OPEN,
                NONE), "/ack/abc.def");

        assertThat(html).contains("Severity 1 – Critical").contains("Critical ticket opened")
                .contains("Nora Berg, on-call engineer (level 1)").contains("02:15, Tue 3 Mar (in 13 min)").contains("kunde-as")
                .contains("ticket-1").contains("<meta name=\"viewport\"")
                .contains("<form method=\"post\" action=\"/ack/abc.def\"><button type=\"submit\">Acknowledge</button>")
                .doesNotContain("CRITICAL_TICKET_OPENED").doesNotContain(">CRITICAL<").doesNotContain("<script")
                .doesNotContain("Escalation").doesNotContain("Description");
        assertThat(html.split("<button", -1)).as("one button").hasSize(2);
    }

    @Test
    void causesAndRoundsAreWords() {
        assertThat(Labels.cause("SLA_BREACHED", null)).as("metric not known").isEqualTo("SLA deadline breached");
        assertThat(Labels.cause("SLA_BREACHED", "first-response")).isEqualTo("First-response deadline breached");
        assertThat(Labels.cause("SLA_BREACHED", "resolution")).isEqualTo("Resolution deadline breached");
        assertThat(Labels.severity("SERIOUS")).isEqualTo("Severity 2 – Serious");
        assertThat(Labels.severity("LESS_SERIOUS")).isEqualTo("Severity 3 – Less serious");
        assertThat(Labels.severityNumber("CRITICAL")).isEqualTo("Severity 1");
        TicketFacts breached = new TicketFacts("ticket-1", "kunde-as", null, null, null, null, null, null, null, null,
                null, null, "first-response");
        assertThat(PAGES.confirm(view("SERIOUS", "SLA_BREACHED", 2, PageBoard.State.OPEN, breached),
                "/ack/x")).contains("First-response deadline breached").contains("Re-escalated, round 2");
    }

    @Test
    void ticketFactsAreShownWhenKnownAndEveryValueIsEscaped() {
        TicketFacts facts = new TicketFacts("t<1>", "k\"1", "<script>alert(1)</script> Mail down",
                "Nobody can send\nmail", "zendesk", "1", URI.create("https://biztek.zendesk.com/t/1"),
                Instant.parse("2026-03-03T01:00:00Z"), "Kunde & Co <AS>", "+47 481 44 888",
                Instant.parse("2026-03-03T07:00:00Z"), null, null);
        String html = PAGES.confirm(new AckPage.View("t<1>", "k\"1", "CRITICAL", "CRITICAL_TICKET_OPENED", 1,
                "<b>lvl</b>", 1, "Nora & Co", ACK_BY, PageBoard.State.OPEN, null, null, null, null, null, facts,
                List.of("Kari \"K\" N")), "/ack/\"><script>");

        assertThat(html).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<AS>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Mail down").contains("Kunde &amp; Co &lt;AS&gt; (k&quot;1)")
                .contains("<a href=\"tel:+4748144888\">+47 481 44 888</a>")
                .contains("href=\"https://biztek.zendesk.com/t/1\"").contains(">zendesk 1</a>").contains("Opened")
                .contains("First response due").contains("02:00, Tue 3 Mar")
                .contains("08:00, Tue 3 Mar").contains("Kari &quot;K&quot; N").contains("Nobody can send\nmail")
                .contains("Ticket t&lt;1&gt;");
        TicketFacts script = new TicketFacts("ticket-1", "kunde-as", null, null, null, null,
                URI.create("javascript:alert(1)"), null, null, null, null, null, null);
        assertThat(PAGES.confirm(view("CRITICAL", "OTHER", 1, PageBoard.State.OPEN, script), "/ack/x"))
                .doesNotContain("javascript:").contains("Severity raised");
    }

    @Test
    void anEndedPageSaysWhoAcknowledgedAndWhenOrWhyItEnded() {
        assertThat(PAGES.acknowledged(view("CRITICAL", "CRITICAL_TICKET_OPENED", 1, PageBoard.State.ACKNOWLEDGED,
                NONE))).contains("Acknowledged by Kari Nordmann at 02:04, Tue 3 Mar")
                .doesNotContain("<form");
        assertThat(PAGES.ended(view("CRITICAL", "CRITICAL_TICKET_OPENED", 1, PageBoard.State.ACKNOWLEDGED,
                NONE))).contains("Already acknowledged")
                .contains("already acknowledged by Kari Nordmann at 02:04, Tue 3 Mar").doesNotContain("<form")
                .doesNotContain("Acknowledge by");
        assertThat(PAGES.ended(view("SERIOUS", "SLA_BREACHED", 1, PageBoard.State.WITHDRAWN, NONE)))
                .contains("Page withdrawn").contains("withdrawn at 02:20, Tue 3 Mar")
                .contains("breach withdrawn: first response recorded at 02:10").contains("nothing to acknowledge");
        assertThat(PAGES.ended(view("CRITICAL", "CRITICAL_TICKET_OPENED", 1, PageBoard.State.CLOSED,
                NONE))).contains("Page closed").contains("closed at 02:30, Tue 3 Mar");
    }

    @Test
    void aLinkRecipientIsShownByTheNameItWasPagedUnder() {
        PageBoard.Page page = new PageBoard.Page("p", "t", "c", "CRITICAL", "CRITICAL_TICKET_OPENED", 2, "secondary", 1,
                "Kari Nordmann", "kari@biztek.example", ACK_BY, ACK_BY, ACK_BY, PageBoard.State.ACKNOWLEDGED, false,
                "KARI@biztek.example", ACK_BY, "LINK", null,
                List.of(new PageState.Paged("Nora Berg", "nora@biztek.example"),
                        new PageState.Paged("Kari Nordmann", "kari@biztek.example")), null, null, null);
        assertThat(AckPage.View.of(page, null).acknowledgedBy()).isEqualTo("Kari Nordmann");
        PageBoard.Page viaApi = new PageBoard.Page("p", "t", "c", "CRITICAL", "CRITICAL_TICKET_OPENED", 2, "secondary",
                1, "Kari Nordmann", "kari@biztek.example", ACK_BY, ACK_BY, ACK_BY, PageBoard.State.ACKNOWLEDGED, false,
                "Nora", ACK_BY, "API", null, List.of(), null, null, "desk");
        assertThat(AckPage.View.of(viaApi, null).acknowledgedBy()).isEqualTo("Nora (API token desk)");
    }
}
