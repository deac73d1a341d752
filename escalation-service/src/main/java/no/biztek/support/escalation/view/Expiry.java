package no.biztek.support.escalation.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * When each item of an in-memory view is to be forgotten, indexed by that instant, so that a view finds what is due
 * without looking at everything it holds. One instant per key (scheduling again replaces it). Not thread-safe: the
 * view that owns it synchronises.
 */
public final class Expiry<K> {

    private final Map<K, Instant> due = new HashMap<>();
    private final TreeMap<Instant, Set<K>> byInstant = new TreeMap<>();

    /** The key is to be forgotten at {@code at} (replacing an earlier schedule). */
    public void schedule(K key, Instant at) {
        cancel(key);
        due.put(key, at);
        byInstant.computeIfAbsent(at, i -> new LinkedHashSet<>()).add(key);
    }

    /** The key is not to be forgotten (any more). */
    public void cancel(K key) {
        Instant at = due.remove(key);
        if (at != null) {
            Set<K> keys = byInstant.get(at);
            keys.remove(key);
            if (keys.isEmpty()) {
                byInstant.remove(at);
            }
        }
    }

    /** Removes and returns every key due at or before {@code now}. */
    public List<K> takeDue(Instant now) {
        List<K> taken = new ArrayList<>();
        NavigableMap<Instant, Set<K>> expired = byInstant.headMap(now, true);
        expired.values().forEach(taken::addAll);
        expired.clear();
        taken.forEach(due::remove);
        return taken;
    }

    /** How many keys are scheduled. */
    public int size() {
        return due.size();
    }
}
