package no.biztek.support.escalation.board;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The most recent deltas of a board stream, so that a client that reconnects with {@code Last-Event-ID} gets what it
 * missed instead of a fresh snapshot. Sequence numbers grow by one per delta; the log keeps at most {@code capacity}.
 * Not thread-safe: its owner synchronises.
 */
final class DeltaLog<D> {

    /** A delta and its sequence number. */
    record Entry<D>(long seq, D delta) {
    }

    private final int capacity;
    private final Deque<Entry<D>> entries = new ArrayDeque<>();
    private long last;

    /** @param first the sequence number the log starts after (the snapshot's) */
    DeltaLog(int capacity, long first) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.last = first;
    }

    /** Appends the delta and returns its sequence number. */
    long append(D delta) {
        last++;
        entries.addLast(new Entry<>(last, delta));
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
        return last;
    }

    /** The sequence number of the latest delta (the first one when none was appended). */
    long last() {
        return last;
    }

    /**
     * The deltas after {@code seq}, oldest first; empty when the log no longer reaches back that far or {@code seq} is
     * not one it gave out (then the client needs a snapshot).
     */
    Optional<List<Entry<D>>> after(long seq) {
        if (seq > last || seq < 0) {
            return Optional.empty();
        }
        if (seq == last) {
            return Optional.of(List.of());
        }
        Entry<D> oldest = entries.peekFirst();
        if (oldest == null || oldest.seq() > seq + 1) {
            return Optional.empty();
        }
        return Optional.of(entries.stream().filter(e -> e.seq() > seq).toList());
    }
}
