package no.biztek.support.kafka.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import no.biztek.support.kafka.timer.TimerIndexRebuild.Source;

/** An index of an earlier layout is rebuilt from the stores that keep the due times, once, and nothing else moves. */
class TimerIndexRebuildTest {

    private static final TimerKind DEADLINE = TimerKind.of(1, "deadline");
    private static final TimerKind PURGE = TimerKind.of(2, "purge");
    private static final Instant DUE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Bytes OLD_KEY = Bytes.wrap("1772442000000|t-1".getBytes(StandardCharsets.US_ASCII));

    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final KeyValueStore<Bytes, byte[]> index = store("timers", Serdes.Bytes(), Serdes.ByteArray());
    private final KeyValueStore<String, byte[]> formats = store("formats", Serdes.String(), Serdes.ByteArray());
    private final KeyValueStore<String, Long> dueTimes = store("due", Serdes.String(), Serdes.Long());

    /** Each entry has a deadline at its value and, for odd values, a purge a minute later: several timers per key. */
    private final List<Source<?>> sources = List.of(new Source<>(dueTimes, (key, millis) -> millis % 2 == 0
            ? List.of(new Timer(Instant.ofEpochMilli(millis), DEADLINE, key))
            : List.of(new Timer(Instant.ofEpochMilli(millis), DEADLINE, key),
                    new Timer(Instant.ofEpochMilli(millis).plusSeconds(60), PURGE, key))));

    @Test
    void unmarkedIndexIsEmptiedAndEveryTimerScheduledAgainThenMarked() {
        index.put(OLD_KEY, new byte[] {'E'});
        dueTimes.put("t-1", DUE.toEpochMilli());
        dueTimes.put("t-2", DUE.toEpochMilli() + 1);

        assertThat(TimerIndexRebuild.unlessMarkedCurrent(index, formats, "timers-format", sources)).isTrue();

        assertThat(index.get(OLD_KEY)).isNull();
        assertThat(new TimerIndex(index).due(DUE.plusSeconds(61), 100)).containsExactly(
                new Timer(DUE, DEADLINE, "t-1"), new Timer(DUE.plusMillis(1), DEADLINE, "t-2"),
                new Timer(DUE.plusMillis(1).plusSeconds(60), PURGE, "t-2"));
    }

    @Test
    void aMarkedIndexIsLeftAlone() {
        dueTimes.put("t-1", DUE.toEpochMilli());
        TimerIndexRebuild.unlessMarkedCurrent(index, formats, "timers-format", sources);
        new TimerIndex(index).due(DUE, 100); // fired: gone from the index

        assertThat(TimerIndexRebuild.unlessMarkedCurrent(index, formats, "timers-format", sources)).isFalse();

        assertThat(new TimerIndex(index).due(DUE.plusSeconds(3600), 100)).as("not scheduled again").isEmpty();
    }

    @Test
    void oldKeysInTheirRangeTriggerTheRebuildAndNewOnesAloneDoNot() {
        TimerIndex current = new TimerIndex(index);
        current.schedule(new Timer(DUE, DEADLINE, "t-9"));
        dueTimes.put("t-1", DUE.toEpochMilli());
        Bytes from = Bytes.wrap(new byte[] {'0'});
        Bytes to = Bytes.wrap(new byte[] {'9' + 1});

        assertThat(TimerIndexRebuild.ifOldKeysIn(index, from, to, sources)).isFalse();
        index.put(OLD_KEY, new byte[] {'E'});
        assertThat(TimerIndexRebuild.ifOldKeysIn(index, from, to, sources)).isTrue();

        assertThat(index.get(OLD_KEY)).isNull();
        assertThat(current.due(DUE, 100)).extracting(Timer::key).containsExactlyInAnyOrder("t-1", "t-9");
    }

    @Test
    void anUnreadableEntryHasNoTimerAndTheOthersAreRebuilt() {
        Deserializer<String> picky = (topic, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.equals("unreadable")) {
                throw new SerializationException("not a due time");
            }
            return text;
        };
        KeyValueStore<String, String> written = store("written", Serdes.String(),
                Serdes.serdeFrom(Serdes.String().serializer(), picky));
        written.put("t-1", Long.toString(DUE.toEpochMilli()));
        written.put("t-2", "unreadable");
        written.put("t-3", Long.toString(DUE.toEpochMilli() + 2));

        TimerIndexRebuild.unlessMarkedCurrent(index, formats, "timers-format", List.of(new Source<>(written,
                (key, millis) -> List.of(new Timer(Instant.ofEpochMilli(Long.parseLong(millis)), DEADLINE, key)))));

        assertThat(new TimerIndex(index).due(DUE.plusSeconds(1), 100)).extracting(Timer::key)
                .containsExactly("t-1", "t-3");
    }

    private <K, V> KeyValueStore<K, V> store(String name, Serde<K> keys, Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
