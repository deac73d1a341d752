package no.biztek.support.kafka.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index returns what is due, in time order, bounded, and resumes where it stopped. */
class TimerIndexTest {

    private static final TimerKind DEADLINE = TimerKind.of(1, "deadline");
    private static final TimerKind PURGE = TimerKind.of(2, "purge");
    private static final Instant NINE = Instant.parse("2026-03-02T08:00:00Z");

    private KeyValueStore<Bytes, byte[]> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("timers"), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(new org.apache.kafka.streams.processor.api.MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void dueTimersComeEarliestFirstAndOnlyOnce() {
        TimerIndex index = new TimerIndex(store);
        index.schedule(new Timer(NINE.plusSeconds(60), DEADLINE, "t-2"));
        index.schedule(new Timer(NINE, DEADLINE, "t-1"));
        index.schedule(new Timer(NINE, PURGE, "t-1")); // another kind for the same key is its own timer
        index.schedule(new Timer(NINE.plusSeconds(3600), DEADLINE, "t-3"));

        assertThat(index.due(NINE.minusMillis(1), 100)).isEmpty();
        assertThat(index.due(NINE.plusSeconds(60), 100)).containsExactly(new Timer(NINE, DEADLINE, "t-1"),
                new Timer(NINE, PURGE, "t-1"), new Timer(NINE.plusSeconds(60), DEADLINE, "t-2"));
        assertThat(index.due(NINE.plusSeconds(120), 100)).isEmpty();
        assertThat(index.due(NINE.plusSeconds(3600), 100)).extracting(Timer::key).containsExactly("t-3");
    }

    @Test
    void aScanReturnsAtMostItsBoundAndTheNextOneContinues() {
        TimerIndex index = new TimerIndex(store);
        for (int i = 0; i < 8; i++) {
            index.schedule(new Timer(NINE.plusMillis(i), DEADLINE, "t-" + i));
        }

        List<Integer> sizes = new ArrayList<>();
        for (int scan = 0; scan < 4; scan++) {
            sizes.add(index.due(NINE.plusSeconds(1), 3).size());
        }

        assertThat(sizes).containsExactly(3, 3, 2, 0);
    }

    @Test
    void aRestartResumesAtTheStoredPositionAndATimerScheduledBeforeItIsStillFound() {
        TimerIndex index = new TimerIndex(store);
        index.schedule(new Timer(NINE, DEADLINE, "t-1"));
        assertThat(index.due(NINE.plusSeconds(10), 100)).hasSize(1);

        TimerIndex restarted = new TimerIndex(store);
        assertThat(restarted.position()).isAfter(NINE.plusSeconds(10));
        restarted.schedule(new Timer(NINE.plusSeconds(5), DEADLINE, "t-late")); // the wall clock went back

        assertThat(restarted.due(NINE.plusSeconds(20), 100)).extracting(Timer::key).containsExactly("t-late");
    }

    @Test
    void rescheduleMovesATimerAndCancelRemovesIt() {
        TimerIndex index = new TimerIndex(store);
        Timer first = new Timer(NINE, DEADLINE, "t-1");
        Timer later = new Timer(NINE.plusSeconds(30), DEADLINE, "t-1");
        index.schedule(first);
        index.reschedule(first, later);
        index.schedule(new Timer(NINE, PURGE, "t-2"));
        index.cancel(new Timer(NINE, PURGE, "t-2"));

        assertThat(index.due(NINE.plusSeconds(60), 100)).containsExactly(later);
    }

    @Test
    void aTimerScheduledBeforeTheEarliestOneTheIndexKnewComesDueOnTime() {
        TimerIndex index = new TimerIndex(store);
        index.schedule(new Timer(NINE.plusSeconds(3600), DEADLINE, "t-later"));
        assertThat(index.due(NINE, 100)).as("nothing due; the earliest timer is at ten").isEmpty();

        index.schedule(new Timer(NINE.plusSeconds(60), DEADLINE, "t-sooner"));

        assertThat(index.due(NINE.plusSeconds(59), 100)).isEmpty();
        assertThat(index.due(NINE.plusSeconds(60), 100)).extracting(Timer::key).containsExactly("t-sooner");
        assertThat(index.due(NINE.plusSeconds(3599), 100)).isEmpty();
        assertThat(index.due(NINE.plusSeconds(3600), 100)).extracting(Timer::key).containsExactly("t-later");
    }

    @Test
    void cancellingTheEarliestTimerLeavesTheNextOneDueOnTime() {
        TimerIndex index = new TimerIndex(store);
        Timer earliest = new Timer(NINE.plusSeconds(60), DEADLINE, "t-1");
        index.schedule(earliest);
        index.schedule(new Timer(NINE.plusSeconds(120), DEADLINE, "t-2"));

        index.cancel(earliest);

        assertThat(index.due(NINE.plusSeconds(60), 100)).isEmpty();
        assertThat(index.due(NINE.plusSeconds(119), 100)).isEmpty();
        assertThat(index.due(NINE.plusSeconds(120), 100)).extracting(Timer::key).containsExactly("t-2");
    }

    @Test
    void anIndexOpenedAgainOverItsStoreFindsTheEarliestTimerThere() {
        TimerIndex before = new TimerIndex(store);
        before.schedule(new Timer(NINE.plusSeconds(60), DEADLINE, "t-1"));
        before.schedule(new Timer(NINE.plusSeconds(120), DEADLINE, "t-2"));
        assertThat(before.due(NINE.plusSeconds(60), 100)).extracting(Timer::key).containsExactly("t-1");

        // the task starts again (restart, rebalance): a new index over the same store
        TimerIndex reopened = new TimerIndex(store);

        assertThat(reopened.due(NINE.plusSeconds(119), 100)).isEmpty();
        assertThat(reopened.due(NINE.plusSeconds(120), 100)).extracting(Timer::key).containsExactly("t-2");
    }

    @Test
    void aScanWithNothingDueReadsNoStoreAndWritesOnlyThePositionNowAndThen() {
        List<String> calls = new ArrayList<>();
        TimerIndex index = new TimerIndex(recordingCalls(store, calls));
        index.schedule(new Timer(NINE.plusSeconds(3600), DEADLINE, "t-1"));
        index.due(NINE, 100); // stores the scan position: the first time
        calls.clear();

        for (int i = 1; i < 25; i++) {
            assertThat(index.due(NINE.plusSeconds(i), 100)).isEmpty();
        }
        assertThat(calls).as("scans within 30 s of the last stored position").isEmpty();

        assertThat(index.due(NINE.plusSeconds(30), 100)).isEmpty();
        assertThat(calls).as("the position is stored now and then, nothing is read").containsExactly("put");
    }

    @SuppressWarnings("unchecked")
    private static KeyValueStore<Bytes, byte[]> recordingCalls(KeyValueStore<Bytes, byte[]> store, List<String> calls) {
        return (KeyValueStore<Bytes, byte[]>) Proxy.newProxyInstance(KeyValueStore.class.getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void keysOfAnyTextSurviveTheirEncoding() {
        Timer timer = new Timer(Instant.parse("2099-12-31T23:59:59.999Z"), PURGE, "ticket|page|å");

        assertThat(Timer.decode(timer.encode())).isEqualTo(timer);
        assertThat(Timer.ofKey(timer.encode())).contains(timer);
        assertThat(Timer.ofKey(org.apache.kafka.common.utils.Bytes.wrap(new byte[] {0}))).as("the scan position")
                .isEmpty();
        assertThat(timer.is(PURGE)).isTrue();
        assertThat(timer.is(DEADLINE)).isFalse();
    }
}
