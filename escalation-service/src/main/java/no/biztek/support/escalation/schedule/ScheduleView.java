package no.biztek.support.escalation.schedule;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.escalation.paging.CurrentSchedule;
import no.biztek.support.escalation.paging.PagingProperties.Schedule;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.oncall.CalendarFeed;
import no.biztek.support.schemas.oncall.HandoverClaimed;
import no.biztek.support.schemas.oncall.OnCallOverride;
import no.biztek.support.schemas.oncall.OnCallRotation;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;

/**
 * The schedule topic folded into memory, on every instance: the schedule in force for the paging rules
 * ({@link CurrentSchedule}), and everything the schedule API, the calendar feeds and the hand-over notices read.
 * Overrides are kept in the order they were made (their {@code updatedAt}, then id), so that "the last override
 * of a position wins" means the same on every instance. A hand-over claim keeps the first instance that claimed it
 * (the claims of one hand-over share a key, so every instance reads them in the same order).
 */
final class ScheduleView implements TopicFollower.View<OnCallScheduleEntry>, CurrentSchedule {

    private static final Logger log = LoggerFactory.getLogger(ScheduleView.class);

    private static final Comparator<ScheduledOverride> IN_ORDER_MADE = Comparator
            .comparing(ScheduledOverride::updatedAt).thenComparing(ScheduledOverride::id);

    private Schedule rotation;
    private final Map<String, ScheduledOverride> overrides = new LinkedHashMap<>();
    private final Map<String, Integer> feeds = new LinkedHashMap<>();
    private final Map<String, String> claims = new LinkedHashMap<>();
    private ScheduleState snapshot = ScheduleState.EMPTY;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Runs on the follower's thread after every change. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void fold(String key, OnCallScheduleEntry entry) {
        synchronized (this) {
            apply(key, entry);
            // by when they were made, not by when this instance read them: the same order on every instance
            snapshot = new ScheduleState(Optional.ofNullable(rotation), overrides.values().stream()
                    .sorted(IN_ORDER_MADE).toList(), feeds, claims);
        }
        listeners.forEach(Runnable::run);
    }

    private void apply(String key, OnCallScheduleEntry entry) {
        if (key.equals(ScheduleRecords.ROTATION_KEY)) {
            rotation = entry != null && entry.getPayload() instanceof OnCallRotation r ? ScheduleRecords.schedule(r)
                    : null;
        } else if (key.startsWith(ScheduleRecords.OVERRIDE_PREFIX)) {
            String id = key.substring(ScheduleRecords.OVERRIDE_PREFIX.length());
            overrides.remove(id);
            if (entry != null && entry.getPayload() instanceof OnCallOverride o) {
                overrides.put(id, ScheduleRecords.override(o, entry.getUpdatedBy(), entry.getUpdatedAt()));
            }
        } else if (key.startsWith(ScheduleRecords.FEED_PREFIX)) {
            String email = key.substring(ScheduleRecords.FEED_PREFIX.length());
            if (entry != null && entry.getPayload() instanceof CalendarFeed f) {
                feeds.put(email, f.getGeneration());
            } else {
                feeds.remove(email);
            }
        } else if (key.startsWith(ScheduleRecords.HANDOVER_PREFIX)) {
            if (entry != null && entry.getPayload() instanceof HandoverClaimed c) {
                claims.putIfAbsent(key, c.getInstance());
            } else {
                claims.remove(key);
            }
        } else {
            log.debug("Ignoring schedule record with unknown key {}", key);
        }
    }

    synchronized ScheduleState snapshot() {
        return snapshot;
    }

    @Override
    public Optional<Schedule> current() {
        return snapshot().schedule();
    }
}
