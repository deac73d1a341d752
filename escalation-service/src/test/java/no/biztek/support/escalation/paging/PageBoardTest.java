package no.biztek.support.escalation.paging;

import static no.biztek.support.escalation.TestEvents.firstResponse;
import static no.biztek.support.escalation.TestEvents.newId;
import static no.biztek.support.escalation.TestEvents.severityChanged;
import static no.biztek.support.escalation.TestEvents.ticketOpened;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.streams.TopologyHarness;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.topic.Topics;

/** The page board is the topology's committed page state (the pages store's changelog), nothing guessed. */
class PageBoardTest {

    private static final Instant NIGHT = Instant.parse("2026-03-03T01:00:00Z");

    private static PageState state(String pageId, PageState.Status status, Instant endedAt) {
        return new PageState(pageId, "ticket-1", "kunde", "CRITICAL", "CRITICAL_TICKET_OPENED", 1, 2, 1, "secondary",
                "Kari Nordmann", "kari@biztek.no", NIGHT, NIGHT.plus(Duration.ofMinutes(15)),
                NIGHT.plus(Duration.ofMinutes(30)), status, status == PageState.Status.ACKNOWLEDGED ? "Kari" : null,
                status == PageState.Status.ACKNOWLEDGED ? "LINK" : null, endedAt, null, null, null, null, null);
    }

    @Test
    void showsEachPageAsItsLastCommittedStateAndForgetsPurgedOnes() {
        PageBoard board = new PageBoard();
        board.fold("ticket-1|page-1", state("page-1", PageState.Status.OPEN, null));
        board.fold("ticket-1|page-2", state("page-2", PageState.Status.EXHAUSTED, NIGHT.plus(Duration.ofHours(2))));
        board.fold("ticket-1|page-3", state("page-3", PageState.Status.OPEN, null));
        board.fold("ticket-1|page-3", state("page-3", PageState.Status.CLOSED, NIGHT.plus(Duration.ofMinutes(20))));
        board.fold("ticket-1|page-4", state("page-4", PageState.Status.ACKNOWLEDGED, NIGHT.plus(Duration.ofMinutes(21))));

        PageBoard.Page open = board.find("page-1").orElseThrow();
        assertThat(open.state()).isEqualTo(PageBoard.State.OPEN);
        assertThat(open.exhausted()).isFalse();
        assertThat(open.lastPagedAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(15)));
        PageBoard.Page exhausted = board.find("page-2").orElseThrow();
        assertThat(exhausted.state()).as("still awaits an acknowledgement").isEqualTo(PageBoard.State.OPEN);
        assertThat(exhausted.exhausted()).isTrue();
        assertThat(board.find("page-3").orElseThrow().closedAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(20)));
        PageBoard.Page acknowledged = board.find("page-4").orElseThrow();
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(21)));
        assertThat(acknowledged.acknowledgedVia()).isEqualTo("LINK");
        assertThat(board.list(PageBoard.State.OPEN)).extracting(PageBoard.Page::pageId)
                .containsExactlyInAnyOrder("page-1", "page-2");

        board.fold("ticket-1|page-3", null);
        assertThat(board.find("page-3")).isEmpty();
    }

    @Test
    void awaitEndedReturnsOnceTheTopologyEndedThePage() {
        PageBoard board = new PageBoard();
        board.fold("ticket-1|page-1", state("page-1", PageState.Status.OPEN, null));
        assertThat(board.awaitEnded("page-1", Duration.ofMillis(50))).as("still open").isEmpty();

        CompletableFuture<Optional<PageBoard.Page>> waiting = CompletableFuture.supplyAsync(
                () -> board.awaitEnded("page-1", Duration.ofSeconds(30)));
        board.fold("ticket-1|page-1", state("page-1", PageState.Status.ACKNOWLEDGED, NIGHT.plus(Duration.ofMinutes(3))));

        assertThat(waiting.join()).hasValueSatisfying(p -> assertThat(p.acknowledgedBy()).isEqualTo("Kari"));
    }

    @Test
    void agreesWithTheTopologyOnPagesTheTicketNoLongerNeeds() {
        try (TopologyHarness harness = new TopologyHarness(TestPaging.properties(), NIGHT, PagingMetrics.NONE,
                (vendor, minutes) -> { })) {
            var tickets = harness.input(Topics.TICKET_EVENTS);
            var out = harness.output(Topics.ESCALATION_EVENTS);
            String downgraded = newId();
            String answered = newId();
            String acknowledged = newId();
            tickets.pipeInput(downgraded, ticketOpened(downgraded, "kunde", Severity.CRITICAL, NIGHT));
            tickets.pipeInput(answered, ticketOpened(answered, "kunde", Severity.CRITICAL, NIGHT));
            tickets.pipeInput(acknowledged, ticketOpened(acknowledged, "kunde", Severity.CRITICAL, NIGHT));
            String acknowledgedPage = TopologyHarness.values(out).stream().filter(e -> e.getTicketId().equals(acknowledged))
                    .map(e -> ((OnCallPaged) e.getPayload()).getPageId()).findFirst().orElseThrow();
            // a response stamped before the page (a client clock behind) still closes it
            tickets.pipeInput(answered, firstResponse(answered, "kunde", NIGHT.minus(Duration.ofMinutes(3))));
            tickets.pipeInput(downgraded, severityChanged(downgraded, "kunde", Severity.SERIOUS, NIGHT));
            harness.input(Topics.ESCALATION_EVENTS).pipeInput(acknowledged, new PageEvents("escalation-service")
                    .acknowledged(acknowledgedPage, acknowledged, "kunde", 1, "Nora Berg", AcknowledgementChannel.API,
                            NIGHT.plus(Duration.ofMinutes(1))));

            PageBoard board = new PageBoard();
            harness.pageStates().forEach(board::fold);

            assertThat(board.list(null)).hasSize(3).allSatisfy(page -> assertThat(page.state())
                    .isNotEqualTo(PageBoard.State.OPEN));
            assertThat(board.list(PageBoard.State.CLOSED)).extracting(PageBoard.Page::ticketId)
                    .containsExactlyInAnyOrder(downgraded, answered);
            assertThat(board.find(acknowledgedPage).orElseThrow().acknowledgedBy()).isEqualTo("Nora Berg");
        }
    }
}
