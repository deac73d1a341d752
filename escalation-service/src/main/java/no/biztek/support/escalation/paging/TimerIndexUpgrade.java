package no.biztek.support.escalation.paging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerIndex;

/**
 * Once per task, when its {@code page-timers} store still holds entries written before kafka-platform's
 * {@link TimerIndex} (string keys {@code <due epoch millis, 13 digits>|ticketId|pageId}, the kind as the value):
 * deletes them and schedules every page's and resolved ticket's timer again from the {@code pages} and
 * {@code paging-tickets} stores, which keep each timer's instant ({@link PageState#timerAt()},
 * {@link TicketState#purgeAt()}, read from the old key in records of that version).
 *
 * <p>No marker is needed: an old entry starts with an ASCII digit, while the index's keys start with a big-endian
 * epoch-millisecond instant (a zero byte for the next few million years) or are its scan position (one zero
 * byte). The old entries are found by one range scan, and none are left once it ran.
 */
final class TimerIndexUpgrade {

    private static final Bytes OLD_LAYOUT_FROM = Bytes.wrap(new byte[] {'0'});
    private static final Bytes OLD_LAYOUT_TO = Bytes.wrap(new byte[] {'9' + 1});
    private static final Logger log = LoggerFactory.getLogger(TimerIndexUpgrade.class);

    private TimerIndexUpgrade() {
    }

    static void rebuildIfOlder(KeyValueStore<Bytes, byte[]> timers, KeyValueStore<String, PageState> pages,
                               KeyValueStore<String, TicketState> tickets) {
        List<Bytes> old = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = timers.range(OLD_LAYOUT_FROM, OLD_LAYOUT_TO)) {
            entries.forEachRemaining(entry -> old.add(entry.key));
        }
        if (old.isEmpty()) {
            return;
        }
        old.forEach(timers::delete);
        TimerIndex index = new TimerIndex(timers);
        int scheduled = 0;
        try (KeyValueIterator<String, PageState> all = pages.all()) {
            while (all.hasNext()) {
                Timer timer = all.next().value.timer();
                if (timer != null) {
                    index.schedule(timer);
                    scheduled++;
                }
            }
        }
        try (KeyValueIterator<String, TicketState> all = tickets.all()) {
            while (all.hasNext()) {
                KeyValue<String, TicketState> ticket = all.next();
                Timer timer = ticket.value.purgeTimer(ticket.key);
                if (timer != null) {
                    index.schedule(timer);
                    scheduled++;
                }
            }
        }
        log.info("Page timers rebuilt in the timer index's layout: {} entries of the earlier layout replaced by {} "
                + "timers from the pages and tickets", old.size(), scheduled);
    }
}
