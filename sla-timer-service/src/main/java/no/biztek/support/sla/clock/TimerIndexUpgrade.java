package no.biztek.support.sla.clock;

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
import no.biztek.support.kafka.timer.TimerKind;

/**
 * Once per task, when its timer store was written by a version before kafka-platform's {@link TimerIndex}
 * (another key layout): empties the store and schedules every clock's timer again from the clock store,
 * which has them all. Marked done in the meta store, so it never runs twice.
 */
final class TimerIndexUpgrade {

    static final String FORMAT = "timer-index-format";
    private static final byte[] CURRENT = {2};
    private static final Logger log = LoggerFactory.getLogger(TimerIndexUpgrade.class);

    private TimerIndexUpgrade() {
    }

    static void rebuildIfOlder(KeyValueStore<Bytes, byte[]> timers, KeyValueStore<String, byte[]> meta,
                               KeyValueStore<String, SlaClock> clocks, TimerKind kind) {
        byte[] format = meta.get(FORMAT);
        if (format != null && format[0] >= CURRENT[0]) {
            return;
        }
        List<Bytes> old = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = timers.all()) {
            entries.forEachRemaining(entry -> old.add(entry.key));
        }
        old.forEach(timers::delete);
        TimerIndex index = new TimerIndex(timers);
        int scheduled = 0;
        try (KeyValueIterator<String, SlaClock> all = clocks.all()) {
            while (all.hasNext()) {
                KeyValue<String, SlaClock> clock = all.next();
                if (clock.value.timerAt() != null) {
                    index.schedule(new Timer(clock.value.timerAt(), kind, clock.key));
                    scheduled++;
                }
            }
        }
        meta.put(FORMAT, CURRENT);
        if (!old.isEmpty() || scheduled > 0) {
            log.info("Timer index rebuilt in its current layout: {} entries of the earlier layout replaced by {} timers",
                    old.size(), scheduled);
        }
    }
}
