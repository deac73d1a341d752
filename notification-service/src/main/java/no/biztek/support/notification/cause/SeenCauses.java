package no.biztek.support.notification.cause;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import no.biztek.support.notification.stage.StoreNames;

/** The causes already told (cause id → when), each remembered for the dedup retention. */
final class SeenCauses {

    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final KeyValueStore<String, Long> seen;
    private final Duration retention;
    private Instant lastPurge = Instant.EPOCH;

    SeenCauses(ProcessorContext<?, ?> context, Duration retention) {
        this.seen = context.getStateStore(StoreNames.SEEN_CAUSES);
        this.retention = retention;
    }

    boolean contains(String cause) {
        return seen.get(cause) != null;
    }

    void remember(String cause, Instant now) {
        seen.put(cause, now.toEpochMilli());
    }

    /** Forgets the causes told longer ago than the retention; a full scan, so at most once an hour. */
    void purge(Instant now) {
        if (now.isBefore(lastPurge.plus(PURGE_INTERVAL))) {
            return;
        }
        lastPurge = now;
        long oldest = now.minus(retention).toEpochMilli();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = seen.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> cause = it.next();
                if (cause.value < oldest) {
                    expired.add(cause.key);
                }
            }
        }
        expired.forEach(seen::delete);
    }
}
