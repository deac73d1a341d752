package no.biztek.support.kafka.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The timers of one task, in a changelogged store indexed by due time ({@link Timer}'s key layout), so that
 * firing them reads only what is due: {@link #due} range-scans from a scan position up to now, at most a given
 * number of entries, and moves the position past what it returned. The position lives in the same store (under
 * a key that sorts before every timer), written when timers were returned and otherwise now and then, so a
 * restart does not walk over the tombstones of timers already handled, and an idle task does not write its
 * changelog at every scan. A timer scheduled before the position (the wall clock went back) moves it back.
 *
 * <p>The index does not know what a timer means: the caller keeps, with what the timer is for, the instant it
 * scheduled, and ignores an entry returned by {@link #due} that no longer matches (it moved or is gone). Any
 * number of timers per key, one per kind and instant. Open one index per store (per task): the scan position is
 * kept in memory too, and two indexes over one store would disagree about it.
 *
 * <p>The index also keeps in memory where the earliest timer from the scan position on is, at the latest (read
 * from the store when the index is opened, lowered by {@link #schedule}, read again at the end of every scan that
 * found something due), so that a scan with nothing due reads no store: a task can look for due timers often at
 * almost no cost.
 */
public final class TimerIndex {

    /** Sorts before every timer key (those start with 8 bytes of time). */
    private static final Bytes POSITION = Bytes.wrap(new byte[] {0});
    private static final Duration POSITION_STORE_INTERVAL = Duration.ofSeconds(30);
    private static final byte[] PRESENT = {1};

    private final KeyValueStore<Bytes, byte[]> store;
    private Bytes position;
    private Bytes storedPosition;
    private Instant positionStoredAt = Instant.MIN;
    /** No timer key lies between the position and this one (null: no timer at or after the position at all). */
    private Bytes earliest;

    /** The index over its store (a task's instance), resuming at the stored scan position. */
    public TimerIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        byte[] stored = store.get(POSITION);
        this.position = stored == null ? Timer.lowestAt(0) : Bytes.wrap(stored);
        this.storedPosition = position;
        try (KeyValueIterator<Bytes, byte[]> entries = store.range(position, null)) {
            this.earliest = nextTimer(entries);
        }
    }

    /** A persistent, changelogged store for a timer index. */
    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
    }

    public void schedule(Timer timer) {
        Bytes key = timer.encode();
        store.put(key, PRESENT);
        if (key.compareTo(position) < 0) {
            move(key, true);
        }
        if (earliest == null || key.compareTo(earliest) < 0) {
            earliest = key;
        }
    }

    public void cancel(Timer timer) {
        store.delete(timer.encode());
    }

    /** Moves a timer from one instant to another (either may be null: none). */
    public void reschedule(Timer from, Timer to) {
        if (from != null && from.equals(to)) {
            return;
        }
        if (from != null) {
            cancel(from);
        }
        if (to != null) {
            schedule(to);
        }
    }

    /**
     * The timers due by {@code now}, earliest first, at most {@code max} (the rest at the next call), each removed
     * from the index: a caller that still needs one schedules it again.
     */
    public List<Timer> due(Instant now, int max) {
        Bytes upper = Timer.lowestAt(now.toEpochMilli() + 1);
        if (position.compareTo(upper) >= 0) {
            return List.of();
        }
        List<Bytes> keys = new ArrayList<>();
        if (earliest != null && earliest.compareTo(upper) < 0) {
            // reads on past "now" to the first timer not returned, which is where the earliest one is from then on
            try (KeyValueIterator<Bytes, byte[]> entries = store.range(position, null)) {
                Bytes key = nextTimer(entries);
                while (key != null && key.compareTo(upper) < 0 && keys.size() < max) {
                    keys.add(key);
                    key = nextTimer(entries);
                }
                earliest = key;
            }
        }
        Bytes next = keys.size() < max ? upper : Timer.successor(keys.get(keys.size() - 1));
        boolean persist = !keys.isEmpty() || !now.isBefore(positionStoredAt.plus(POSITION_STORE_INTERVAL));
        move(next, persist);
        if (persist) {
            positionStoredAt = now;
        }
        List<Timer> due = new ArrayList<>(keys.size());
        for (Bytes key : keys) {
            store.delete(key);
            due.add(Timer.decode(key));
        }
        return due;
    }

    private static Bytes nextTimer(KeyValueIterator<Bytes, byte[]> entries) {
        while (entries.hasNext()) {
            Bytes key = entries.next().key;
            if (!key.equals(POSITION)) {
                return key;
            }
        }
        return null;
    }

    /** The instant the next scan starts at: every timer due before it was handled. */
    public Instant position() {
        return Instant.ofEpochMilli(java.nio.ByteBuffer.wrap(position.get(), 0, Long.BYTES).getLong());
    }

    private void move(Bytes to, boolean persist) {
        position = to;
        if (persist && !to.equals(storedPosition)) {
            storedPosition = to;
            store.put(POSITION, to.get());
        }
    }
}
