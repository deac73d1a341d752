package no.biztek.support.escalation.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.facts.TicketFacts;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.testing.MutableClock;

/** The stream: a snapshot, deltas with growing ids, resume from Last-Event-ID, a slow client dropped. */
class BoardFeedTest {

    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final BoardView view = new BoardView(clock, Duration.ofDays(90));
    private final BoardFeed feed = new BoardFeed(view, c -> TicketFacts.unknown(c.ticketId(), c.customerId()),
            List::of, new Calendars(PolicyFile.defaultCatalogue(), BoardConfiguration.ZONE, 7, 14), clock, 3);

    /** Takes at most {@code room} events. */
    private static final class Recorder implements BoardFeed.Sink {
        final List<BoardEvent> events = new ArrayList<>();
        int room = Integer.MAX_VALUE;

        @Override
        public boolean offer(BoardEvent event) {
            if (events.size() >= room) {
                return false;
            }
            events.add(event);
            return true;
        }

        List<String> names() {
            return events.stream().filter(e -> !e.isComment()).map(BoardEvent::name).toList();
        }
    }

    @Test
    void aSubscriberGetsASnapshotThenEveryChangeWithGrowingIds() {
        open("t-1");
        feed.dispatch();
        Recorder board = new Recorder();
        feed.subscribe(null, board);

        open("t-2");
        feed.dispatch();
        view.fold("t-1", clockOf("t-1").met(NOW.plusSeconds(60), NOW.plusSeconds(3600)));
        feed.dispatch();

        assertThat(board.names()).containsExactly("snapshot", "upsert", "remove");
        assertThat(board.events.get(0).data()).contains("\"ticketId\":\"t-1\"").doesNotContain("t-2");
        assertThat(board.events.get(1).data()).contains("\"ticketId\":\"t-2\"", "\"calendar\":{");
        assertThat(board.events.get(2).data()).contains("\"id\":\"t-1|first-response\"");
        String stream = board.events.get(0).id().substring(0, board.events.get(0).id().indexOf('-'));
        assertThat(board.events).extracting(BoardEvent::id)
                .containsExactly(stream + "-0", stream + "-1", stream + "-2");
    }

    @Test
    void aClientResumesFromItsLastEventIdWhileTheBufferReachesBackElseGetsASnapshot() {
        feed.dispatch();
        Recorder first = new Recorder();
        feed.subscribe(null, first);
        open("t-1");
        feed.dispatch();
        String seen = first.events.get(1).id();
        open("t-2");
        feed.dispatch();
        open("t-3");
        feed.dispatch();

        Recorder resumed = new Recorder();
        feed.subscribe(seen, resumed);
        assertThat(resumed.names()).containsExactly("upsert", "upsert");
        assertThat(resumed.events.get(0).data()).contains("t-2");

        open("t-4");
        feed.dispatch();
        open("t-5");
        feed.dispatch();
        Recorder tooLate = new Recorder();
        feed.subscribe(seen, tooLate);
        assertThat(tooLate.names()).as("the buffer of 3 no longer reaches back").containsExactly("snapshot");
        assertThat(tooLate.events.get(0).data()).contains("t-1", "t-2", "t-3", "t-4", "t-5");

        Recorder elsewhere = new Recorder();
        feed.subscribe("another-instance-7", elsewhere);
        assertThat(elsewhere.names()).containsExactly("snapshot");
    }

    @Test
    void aClientThatCannotKeepUpIsDroppedAndTheOthersGoOn() {
        feed.dispatch();
        Recorder slow = new Recorder();
        slow.room = 2;
        Recorder fast = new Recorder();
        feed.subscribe(null, slow);
        feed.subscribe(null, fast);

        for (String ticket : new String[] {"t-1", "t-2", "t-3"}) {
            open(ticket);
            feed.dispatch();
        }

        assertThat(feed.subscribers()).isEqualTo(1);
        assertThat(slow.events).hasSize(2);
        assertThat(fast.names()).containsExactly("snapshot", "upsert", "upsert", "upsert");
    }

    @Test
    void aClientThatUnsubscribesItselfWhenFullDoesNotStopTheDispatch() {
        feed.dispatch();
        Recorder fast = new Recorder();
        feed.subscribe(null, fast);
        // takes the snapshot, then closes itself at the next event, as a real client whose queue is full does
        feed.subscribe(null, new BoardFeed.Sink() {
            boolean full;

            @Override
            public boolean offer(BoardEvent event) {
                if (full) {
                    feed.unsubscribe(this);
                    return false;
                }
                full = true;
                return true;
            }
        });

        open("t-1");
        open("t-2");
        feed.dispatch();

        assertThat(fast.names()).as("both rows of the one dispatch").containsExactly("snapshot", "upsert", "upsert");
        assertThat(feed.subscribers()).isEqualTo(1);
    }

    @Test
    void aNewDayStartsANewStreamWithASnapshotForEveryone() {
        open("t-1");
        feed.dispatch();
        Recorder board = new Recorder();
        feed.subscribe(null, board);

        clock.advance(Duration.ofDays(1));
        feed.dispatch();

        assertThat(board.names()).containsExactly("snapshot", "snapshot");
        assertThat(board.events.get(1).id()).isNotEqualTo(board.events.get(0).id()).endsWith("-0");
    }

    @Test
    void aNewDaySeenFirstByTheApisSnapshotStillStartsANewStream() {
        open("t-1");
        feed.dispatch();
        Recorder board = new Recorder();
        feed.subscribe(null, board);

        clock.advance(Duration.ofDays(1));
        feed.snapshot();
        feed.dispatch();

        assertThat(board.names()).containsExactly("snapshot", "snapshot");
        assertThat(board.events.get(1).id()).isNotEqualTo(board.events.get(0).id()).endsWith("-0");
    }

    @Test
    void aChangeOfTheTicketAloneSendsTheRowAgainOnlyWhenItsRowChanged() {
        open("t-1");
        feed.dispatch();
        Recorder board = new Recorder();
        feed.subscribe(null, board);

        clock.advance(Duration.ofMinutes(5));
        feed.changed("t-1");
        feed.dispatch();

        assertThat(board.names()).as("only time passed: the page counts that itself").containsExactly("snapshot");
    }

    private void open(String ticket) {
        view.fold(ticket, clockOf(ticket).started(NOW.plusSeconds(3600), 60));
    }

    private static BoardEvents clockOf(String ticket) {
        return new BoardEvents(ticket, "c-1", "first-response", Severity.CRITICAL, NOW);
    }
}
