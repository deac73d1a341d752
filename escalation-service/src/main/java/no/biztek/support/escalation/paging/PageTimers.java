package no.biztek.support.escalation.paging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerIndexRebuild;
import no.biztek.support.kafka.timer.TimerIndexRebuild.Source;
import no.biztek.support.kafka.timer.TimerKind;

/**
 * The paging topology's timers in kafka-platform's {@link no.biztek.support.kafka.timer.TimerIndex} (store
 * {@code page-timers}): a page's timers are keyed {@code ticketId|pageId} (its key in the {@code pages} store), a
 * ticket's by its ticket id (its key in {@code paging-tickets}). Due instants are rounded up to the millisecond the
 * index keeps, so what a page or ticket remembers equals what the index returns.
 */
final class PageTimers {

    /** The current level's acknowledgement time is over: move the page on. */
    static final TimerKind ESCALATE = TimerKind.of(1, "page-escalate");
    /** Forget an ended page. */
    static final TimerKind PURGE_PAGE = TimerKind.of(2, "page-purge");
    /** Forget a resolved ticket. */
    static final TimerKind PURGE_TICKET = TimerKind.of(3, "ticket-purge");

    private static final Bytes OLD_LAYOUT_FROM = Bytes.wrap(new byte[] {'0'});
    private static final Bytes OLD_LAYOUT_TO = Bytes.wrap(new byte[] {'9' + 1});

    private PageTimers() {
    }

    static Timer escalate(Instant due, String ticketId, String pageId) {
        return new Timer(ceilMillis(due), ESCALATE, pageKey(ticketId, pageId));
    }

    static Timer purgePage(Instant due, String ticketId, String pageId) {
        return new Timer(ceilMillis(due), PURGE_PAGE, pageKey(ticketId, pageId));
    }

    static Timer purgeTicket(Instant due, String ticketId) {
        return new Timer(ceilMillis(due), PURGE_TICKET, ticketId);
    }

    /**
     * Moves a {@code page-timers} store still holding entries of the layout before kafka-platform's index (string
     * keys {@code <due epoch millis, 13 digits>|ticketId|pageId}, the kind as the value) to the index, scheduling
     * every page's and resolved ticket's timer again from the {@code pages} and {@code paging-tickets} stores, which
     * keep each timer's instant ({@link PageState#timerAt()}, {@link TicketState#purgeAt()}, read from the old key in
     * records of that version). An old key starts with an ASCII digit, a key of the index with a zero byte, so no
     * marker is needed and nothing of the old layout is left once it ran.
     */
    static void rebuildOlderLayout(KeyValueStore<Bytes, byte[]> timers, KeyValueStore<String, PageState> pages,
                                   KeyValueStore<String, TicketState> tickets) {
        TimerIndexRebuild.ifOldKeysIn(timers, OLD_LAYOUT_FROM, OLD_LAYOUT_TO, List.of(
                new Source<>(pages, (key, page) -> Stream.ofNullable(page.timer()).toList()),
                new Source<>(tickets, (ticketId, ticket) -> Stream.ofNullable(ticket.purgeTimer(ticketId)).toList())));
    }

    /** The key of a page in the {@code pages} store and of its timers. */
    static String pageKey(String ticketId, String pageId) {
        return ticketId + "|" + pageId;
    }

    /** The ticket a timer belongs to. */
    static String ticketId(Timer timer) {
        int bar = timer.key().lastIndexOf('|');
        return timer.is(PURGE_TICKET) || bar < 0 ? timer.key() : timer.key().substring(0, bar);
    }

    private static Instant ceilMillis(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(instant) ? millis : millis.plusMillis(1);
    }
}
