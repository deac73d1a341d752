package no.biztek.support.notification.cause;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerIndex;

/**
 * Once per task and index, when the index store was written by a version before kafka-platform's {@link TimerIndex}
 * (keys of zero-padded due millis as text): empties it and schedules every timer again from the store that holds the
 * due times, which has them all. Marked done in {@code timer-index-format}, so it never runs twice.
 */
final class TimerIndexUpgrade {

    private static final byte[] CURRENT = {2};
    private static final Logger log = LoggerFactory.getLogger(TimerIndexUpgrade.class);

    private TimerIndexUpgrade() {
    }

    /**
     * @param name    the index store's name (its entry in {@code formats})
     * @param source  the store holding the due times
     * @param timers  the timers a source entry stands for (none, one or several)
     */
    static <V> void rebuildIfOlder(KeyValueStore<Bytes, byte[]> index, String name, KeyValueStore<String, byte[]> formats,
                                   KeyValueStore<String, V> source, BiConsumer<KeyValue<String, V>, List<Timer>> timers) {
        byte[] format = formats.get(name);
        if (format != null && format.length > 0 && format[0] >= CURRENT[0]) {
            return;
        }
        List<Bytes> old = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = index.all()) {
            entries.forEachRemaining(entry -> old.add(entry.key));
        }
        old.forEach(index::delete);
        TimerIndex rebuilt = new TimerIndex(index);
        List<Timer> scheduled = new ArrayList<>();
        try (KeyValueIterator<String, V> entries = source.all()) {
            while (entries.hasNext()) {
                KeyValue<String, V> entry;
                try {
                    entry = entries.next();
                } catch (SerializationException e) {
                    log.error("Rebuilding {}: an entry of {} cannot be read and has no timer: {}", name, source.name(),
                            e.getMessage());
                    continue;
                }
                timers.accept(entry, scheduled);
            }
        }
        scheduled.forEach(rebuilt::schedule);
        formats.put(name, CURRENT);
        if (!old.isEmpty() || !scheduled.isEmpty()) {
            log.info("Timer index {} rebuilt in kafka-platform's layout: {} entries of the earlier layout replaced by {}"
                    + " timers from {}", name, old.size(), scheduled.size(), source.name());
        }
    }
}
