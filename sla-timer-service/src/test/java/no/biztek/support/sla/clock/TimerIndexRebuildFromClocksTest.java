package no.biztek.support.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.kafka.timer.TimerIndexRebuild;
import no.biztek.support.policy.Severity;

/** A timer store of the layout before kafka-platform's index is rebuilt from the clocks, once. */
class TimerIndexRebuildFromClocksTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-02T09:00:00Z");

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final KeyValueStore<Bytes, byte[]> timers = store("timers", Serdes.Bytes(), Serdes.ByteArray());
    private final KeyValueStore<String, byte[]> meta = store("meta", Serdes.String(), Serdes.ByteArray());
    private final KeyValueStore<String, SlaClock> clocks = store("clocks", Serdes.String(), new SlaClockSerde());

    @Test
    void everyClocksTimerIsScheduledAgainAndTheOldEntriesAreGone() {
        clocks.put("t-1", clock("t-1", DUE));
        clocks.put("t-2", clock("t-2", null));
        byte[] id = "t-1".getBytes(StandardCharsets.UTF_8);
        Bytes oldLayout = Bytes.wrap(ByteBuffer.allocate(8 + id.length).putLong(DUE.toEpochMilli()).put(id).array());
        timers.put(oldLayout, new byte[] {1});

        TimerIndexRebuild.unlessMarkedCurrent(timers, meta, SlaClockProcessor.TIMER_INDEX_FORMAT,
                SlaClockProcessor.timerSources(clocks));

        assertThat(timers.get(oldLayout)).isNull();
        assertThat(new TimerIndex(timers).due(DUE, 100))
                .containsExactly(new Timer(DUE, SlaClockProcessor.CLOCK_TIMER, "t-1"));
    }

    @Test
    void itRunsOnceAndLeavesTheCurrentLayoutAlone() {
        clocks.put("t-1", clock("t-1", DUE));
        TimerIndexRebuild.unlessMarkedCurrent(timers, meta, SlaClockProcessor.TIMER_INDEX_FORMAT,
                SlaClockProcessor.timerSources(clocks));
        new TimerIndex(timers).due(DUE, 100); // fired: the timer is gone from the index

        TimerIndexRebuild.unlessMarkedCurrent(timers, meta, SlaClockProcessor.TIMER_INDEX_FORMAT,
                SlaClockProcessor.timerSources(clocks));

        assertThat(new TimerIndex(timers).due(DUE.plusSeconds(60), 100)).as("not scheduled again").isEmpty();
    }

    private static SlaClock clock(String ticketId, Instant timerAt) {
        Fact opened = new Fact(Fact.Kind.OPENED, "o-" + ticketId, OPENED, 0, Severity.CRITICAL, null);
        return new SlaClock(ticketId, "c-1", "biztek-2020-01", TicketFacts.openedBy(opened),
                new Announcement(ClockState.RUNNING, Severity.CRITICAL, DUE, null, null, 0, List.of()), timerAt);
    }

    private <K, V> KeyValueStore<K, V> store(String name, org.apache.kafka.common.serialization.Serde<K> keys,
                                            org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
