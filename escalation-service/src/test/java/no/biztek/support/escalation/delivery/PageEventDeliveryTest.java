package no.biztek.support.escalation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageState;

/** Whether a page still goes out, as the page board and the time say. */
class PageEventDeliveryTest {

    /** Level 1, round 1, to be acknowledged by 02:15 Oslo time. */
    private static final PageMessage PAGE = PageDeliveryTest.PAGE;
    private static final Instant BEFORE_ITS_TIME = PAGE.acknowledgeBy().minus(Duration.ofMinutes(1));

    private static Optional<PageBoard.Page> board(PageState.Status status, int level, int round) {
        PageBoard board = new PageBoard();
        board.fold(PAGE.ticketId() + "|" + PAGE.pageId(), new PageState(PAGE.pageId(), PAGE.ticketId(),
                PAGE.customerId(), "CRITICAL", "CRITICAL_TICKET_OPENED", 1, level, round, "on-call engineer",
                "Nora Berg", PAGE.email(), BEFORE_ITS_TIME, BEFORE_ITS_TIME, PAGE.acknowledgeBy(), status, null, null,
                status == PageState.Status.OPEN ? null : BEFORE_ITS_TIME, null, null, null, null, null));
        return board.find(PAGE.pageId());
    }

    private static Optional<String> skip(Optional<PageBoard.Page> page, Instant now) {
        return PageEventDelivery.skipReason(PAGE, page, now);
    }

    @Test
    void aPageStillPagingAtItsLevelGoesOutAlsoWhenTheBoardDoesNotKnowItYet() {
        assertThat(skip(board(PageState.Status.OPEN, 1, 1), BEFORE_ITS_TIME)).isEmpty();
        assertThat(skip(Optional.empty(), BEFORE_ITS_TIME)).isEmpty();
    }

    @Test
    void aPageTheTopologyEndedExhaustedOrMovedOnDoesNot() {
        assertThat(skip(board(PageState.Status.ACKNOWLEDGED, 1, 1), BEFORE_ITS_TIME)).contains("it is acknowledged");
        assertThat(skip(board(PageState.Status.WITHDRAWN, 1, 1), BEFORE_ITS_TIME)).contains("it is withdrawn");
        assertThat(skip(board(PageState.Status.EXHAUSTED, 1, 1), BEFORE_ITS_TIME)).contains("it is exhausted");
        assertThat(skip(board(PageState.Status.OPEN, 2, 1), BEFORE_ITS_TIME))
                .contains("it has moved on to level 2, round 1");
        assertThat(skip(board(PageState.Status.OPEN, 1, 2), BEFORE_ITS_TIME))
                .contains("it has moved on to level 1, round 2");
    }

    @Test
    void aPageWhoseLevelsTimeIsOverDoesNot() {
        assertThat(skip(board(PageState.Status.OPEN, 1, 1), PAGE.acknowledgeBy())).isEmpty();
        assertThat(skip(Optional.empty(), PAGE.acknowledgeBy().plusMillis(1)))
                .contains("its acknowledgement time ended at " + PAGE.acknowledgeBy());
    }
}
