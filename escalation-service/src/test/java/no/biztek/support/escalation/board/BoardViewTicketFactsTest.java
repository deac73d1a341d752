package no.biztek.support.escalation.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.testing.TicketEvents;

/**
 * A breached clock gets no further SLA event when its ticket is finally answered or resolved (the verdict stands):
 * the ticket's own facts take it off the board, whichever topic is read first.
 */
class BoardViewTicketFactsTest {

    private static final String TICKET = "t-1";
    private static final Instant OPENED = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant DUE = OPENED.plus(Duration.ofHours(4));
    private static final Instant RESOLUTION_DUE = OPENED.plus(Duration.ofHours(16));

    private final MutableClock clock = new MutableClock(OPENED.plus(Duration.ofHours(5)));
    private final BoardView view = new BoardView(clock, Duration.ofDays(90));
    private final BoardEvents firstResponse = new BoardEvents(TICKET, "c-1", "first-response", Severity.SERIOUS,
            OPENED);
    private final BoardEvents resolution = new BoardEvents(TICKET, "c-1", "resolution", Severity.SERIOUS, OPENED);

    @Test
    void aLateAnswerTakesTheBreachedFirstResponseOffButLeavesTheResolutionClock() {
        view.fold(TICKET, firstResponse.started(DUE, 240));
        view.fold(TICKET, resolution.started(RESOLUTION_DUE, 960));
        view.fold(TICKET, firstResponse.breached(DUE, 240));
        assertThat(metrics()).containsExactlyInAnyOrder("first-response", "resolution");

        view.tickets().fold(TICKET, TicketEvents.responded(TICKET, DUE.plus(Duration.ofHours(1))));

        assertThat(metrics()).containsExactly("resolution");
        assertThat(view.of(TICKET)).extracting(BoardClock::metric).containsExactly("resolution");
    }

    @Test
    void theAnswerReadBeforeTheBreachStillKeepsTheClockOff() {
        view.fold(TICKET, firstResponse.started(DUE, 240));
        view.tickets().fold(TICKET, TicketEvents.responded(TICKET, DUE.plus(Duration.ofHours(1))));
        view.fold(TICKET, firstResponse.breached(DUE, 240));

        assertThat(view.all()).isEmpty();
    }

    @Test
    void resolvingEndsEveryClockAndAReopeningAfterItBringsThemBack() {
        view.fold(TICKET, resolution.started(RESOLUTION_DUE, 960));
        view.fold(TICKET, resolution.breached(RESOLUTION_DUE, 960));
        Instant resolvedAt = RESOLUTION_DUE.plus(Duration.ofHours(2));

        view.tickets().fold(TICKET, TicketEvents.resolved(TICKET, resolvedAt));
        assertThat(view.all()).isEmpty();

        view.tickets().fold(TICKET, TicketEvents.reopened(TICKET, resolvedAt.plus(Duration.ofHours(1))));
        assertThat(metrics()).containsExactly("resolution");

        // an older resolution read late does not outrank the reopening
        view.tickets().fold(TICKET, TicketEvents.resolved(TICKET, resolvedAt.minus(Duration.ofHours(1))));
        assertThat(metrics()).containsExactly("resolution");
    }

    @Test
    void otherTicketEventsChangeNothingButAreAnnounced() {
        List<String> told = new ArrayList<>();
        view.onChange(told::add);
        view.fold(TICKET, firstResponse.started(DUE, 240));

        view.tickets().fold(TICKET, TicketEvents.opened(TICKET, Severity.SERIOUS, OPENED));

        assertThat(metrics()).containsExactly("first-response");
        assertThat(told).containsExactly(TICKET, TICKET);
    }

    @Test
    void aTicketsFactsAreForgottenWithItsClocks() {
        view.fold(TICKET, firstResponse.started(DUE, 240));
        view.tickets().fold(TICKET, TicketEvents.responded(TICKET, DUE.plus(Duration.ofHours(1))));

        clock.set(DUE.plus(Duration.ofDays(91)));

        assertThat(view.forgetDue()).contains(TICKET);
        Instant reopened = clock.instant();
        view.fold(TICKET, new BoardEvents(TICKET, "c-1", "first-response", Severity.SERIOUS, reopened)
                .started(reopened.plus(Duration.ofHours(4)), 240));
        assertThat(metrics()).as("the forgotten answer no longer hides a clock seen again").containsExactly(
                "first-response");
    }

    private List<String> metrics() {
        return view.all().stream().map(BoardClock::metric).toList();
    }
}
