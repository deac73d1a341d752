package no.biztek.support.escalation.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which instance tells the incoming engineer of a hand-over: each instance that sees the hand-over come writes a
 * claim (key {@code handover|<instant>}) to the schedule topic and reads it back; the claims of one hand-over share a
 * key, hence a partition, so every instance sees them in the same order, and the first one wins. One notice per hand-over across
 * instances; an instance that wins and dies before delivering leaves it untold (at most once). Claims older than the
 * catch-up window are removed (tombstones) at the checks, so neither the topic nor the views keep them forever.
 */
final class HandoverClaims {

    private static final String BY = "hand-over";

    private final ScheduleView view;
    private final ScheduleWriter writer;
    private final String instance;
    private final Clock clock;

    HandoverClaims(ScheduleView view, ScheduleWriter writer, String instance, Clock clock) {
        this.view = view;
        this.writer = writer;
        this.instance = instance;
        this.clock = clock;
    }

    /**
     * The claims to remove: those of hand-overs before {@code before} (now less the catch-up window, which no check
     * looks behind, so no instance claims them again). A key that is not a claim's instant is left alone.
     */
    static List<String> expired(Map<String, String> claims, Instant before) {
        List<String> expired = new ArrayList<>();
        for (String key : claims.keySet()) {
            if (!key.startsWith(ScheduleRecords.HANDOVER_PREFIX)) {
                continue;
            }
            try {
                if (Instant.parse(key.substring(ScheduleRecords.HANDOVER_PREFIX.length())).isBefore(before)) {
                    expired.add(key);
                }
            } catch (DateTimeParseException e) {
                // not written by this service: not ours to remove
            }
        }
        expired.sort(null);
        return expired;
    }

    /** Removes a claim (a tombstone; idempotent, any instance may do it). Throws when Kafka does not answer. */
    void forget(String key) {
        writer.write(key, null);
    }

    /** True when this instance is the one to tell it (its claim came first). Throws when Kafka does not answer. */
    boolean claim(Instant handoverAt, String incomingEmail) {
        String key = ScheduleRecords.handoverKey(handoverAt);
        String first = view.snapshot().handoverClaims().get(key);
        if (first == null) {
            writer.write(key, ScheduleRecords.entry(ScheduleRecords.claim(handoverAt, incomingEmail, instance), BY,
                    clock.instant()));
            first = view.snapshot().handoverClaims().get(key);
        }
        return instance.equals(first);
    }
}
