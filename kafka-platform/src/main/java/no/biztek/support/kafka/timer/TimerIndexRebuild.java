package no.biztek.support.kafka.timer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an index store written by an earlier version (another key layout) to {@link TimerIndex}'s layout, once per
 * task: deletes the old entries and schedules every timer again from the stores that keep the due times, which have
 * them all. An entry of a source that cannot be read is logged and has no timer; the rest are rebuilt.
 */
public final class TimerIndexRebuild {

    private static final byte[] CURRENT_FORMAT = {2};
    private static final Logger log = LoggerFactory.getLogger(TimerIndexRebuild.class);

    /** A store whose entries know their timers (none, one or several per entry). */
    public record Source<V>(KeyValueStore<String, V> store, BiFunction<String, V, Collection<Timer>> timers) {
    }

    private TimerIndexRebuild() {
    }

    /**
     * Rebuilds unless {@code formats} records under {@code marker} that the index is already in the current
     * layout, then records it: for an index whose old layout cannot be told from the new one by its keys.
     *
     * @return whether it rebuilt
     */
    public static boolean unlessMarkedCurrent(KeyValueStore<Bytes, byte[]> index, KeyValueStore<String, byte[]> formats,
                                              String marker, List<Source<?>> sources) {
        byte[] format = formats.get(marker);
        if (format != null && format.length > 0 && format[0] >= CURRENT_FORMAT[0]) {
            return false;
        }
        List<Bytes> old = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = index.all()) {
            entries.forEachRemaining(entry -> old.add(entry.key));
        }
        replace(index, old, sources);
        formats.put(marker, CURRENT_FORMAT.clone());
        return true;
    }

    /**
     * Rebuilds if the index holds keys in {@code [from, to)}, a range where only the old layout puts keys (the
     * current one starts a key with a big-endian instant, a zero byte for millions of years).
     *
     * @return whether it rebuilt
     */
    public static boolean ifOldKeysIn(KeyValueStore<Bytes, byte[]> index, Bytes from, Bytes to,
                                      List<Source<?>> sources) {
        List<Bytes> old = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = index.range(from, to)) {
            entries.forEachRemaining(entry -> old.add(entry.key));
        }
        if (old.isEmpty()) {
            return false;
        }
        replace(index, old, sources);
        return true;
    }

    private static void replace(KeyValueStore<Bytes, byte[]> index, List<Bytes> old, List<Source<?>> sources) {
        old.forEach(index::delete);
        TimerIndex rebuilt = new TimerIndex(index);
        int scheduled = 0;
        for (Source<?> source : sources) {
            scheduled += schedule(rebuilt, index.name(), source);
        }
        if (!old.isEmpty() || scheduled > 0) {
            log.info("Timer index {} rebuilt in the current layout: {} entries of the earlier layout replaced by {} "
                    + "timers from {}", index.name(), old.size(), scheduled,
                    sources.stream().map(source -> source.store().name()).toList());
        }
    }

    private static <V> int schedule(TimerIndex index, String name, Source<V> source) {
        int scheduled = 0;
        try (KeyValueIterator<String, V> entries = source.store().all()) {
            while (entries.hasNext()) {
                KeyValue<String, V> entry;
                try {
                    entry = entries.next();
                } catch (SerializationException e) {
                    log.error("Rebuilding {}: an entry of {} cannot be read and has no timer: {}", name,
                            source.store().name(), e.getMessage());
                    continue;
                }
                for (Timer timer : source.timers().apply(entry.key, entry.value)) {
                    index.schedule(timer);
                    scheduled++;
                }
            }
        }
        return scheduled;
    }
}
