package no.biztek.support.escalation.schedule;

import java.time.Clock;
import java.time.Instant;

/**
 * Which instance tells the incoming engineer of a hand-over: each instance that sees the hand-over come writes a
 * claim (key {@code handover|<instant>}) to the schedule topic and reads it back; the claims of one hand-over share a
 * key, hence a partition, so every instance sees them in the same order, and the first one wins. One notice per hand-over across
 * instances; an instance that wins and dies before delivering leaves it untold (at most once).
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
