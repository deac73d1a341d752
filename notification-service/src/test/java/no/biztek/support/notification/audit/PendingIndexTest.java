package no.biztek.support.notification.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.kafka.timer.TimerKind;

/** The metrics read what the ticket stage wrote through kafka-platform's TimerIndex, and only the notifications. */
class PendingIndexTest {

    private static final Instant ISSUED = Instant.parse("2025-03-03T07:00:00Z");

    private final KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("pending"), Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();

    @Test
    void theOldestAndTheCountOfWhatTheIndexHolds() {
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        assertThat(PendingIndex.summarize(store)).isEqualTo(new PendingIndex.Summary(null, 0));

        TimerIndex index = new TimerIndex(store);
        index.due(Instant.EPOCH.plusMillis(5), 10); // stores the index's scan position, which is no notification
        index.schedule(PendingIndex.entry(ISSUED.plusSeconds(60), "n-2"));
        index.schedule(PendingIndex.entry(ISSUED, "n-1"));
        index.schedule(new Timer(ISSUED.minusSeconds(60), TimerKind.of(9, "another"), "x"));
        index.schedule(PendingIndex.entry(ISSUED.plusSeconds(120), "n-3"));
        index.cancel(PendingIndex.entry(ISSUED.plusSeconds(120), "n-3"));

        assertThat(PendingIndex.summarize(store)).isEqualTo(new PendingIndex.Summary(ISSUED, 2));
    }
}
