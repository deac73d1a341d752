package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import no.biztek.support.policy.Severity;

/**
 * What the SLA events of a clock have told the world so far: the state, deadline and response they
 * announced, the verdict a correction would supersede, and the warnings already sent. Comparing it with
 * a fresh {@link ClockReading} says what to emit.
 *
 * @param state            the state announced last
 * @param severity         the severity announced last
 * @param dueAt            the deadline announced last
 * @param respondedAt      the response announced with a MET (null otherwise)
 * @param verdictEventId   eventId of the SlaMet or SlaBreached in force, null without a verdict
 * @param verdicts         how many verdicts and corrections were announced (numbers their event ids)
 * @param warned           warnings sent, as {@link #warningKey} (bounded, newest last)
 */
public record Announcement(ClockState state, Severity severity, Instant dueAt, Instant respondedAt,
                           String verdictEventId, int verdicts, List<String> warned) {

    /** How many warning keys are remembered: thresholds of the last few deadlines. */
    static final int WARNINGS_REMEMBERED = 16;

    public Announcement {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(dueAt, "dueAt");
        warned = List.copyOf(warned);
    }

    static String warningKey(int threshold, Instant dueAt) {
        return threshold + "@" + dueAt.toEpochMilli();
    }

    boolean hasWarned(String key) {
        return warned.contains(key);
    }

    boolean isRunning() {
        return state == ClockState.RUNNING;
    }

    Announcement withWarning(String key) {
        List<String> keys = new ArrayList<>(warned);
        keys.add(key);
        while (keys.size() > WARNINGS_REMEMBERED) {
            keys.remove(0);
        }
        return new Announcement(state, severity, dueAt, respondedAt, verdictEventId, verdicts, keys);
    }

    /** The clock announced at {@code reading}; a new verdict (or correction) event id counts one more. */
    Announcement announcing(ClockReading reading, String newVerdictEventId, boolean counted) {
        return new Announcement(reading.state(), reading.severity(), reading.dueAt(),
                reading.state() == ClockState.MET ? reading.respondedAt() : null,
                newVerdictEventId != null ? newVerdictEventId : reading.state().hasVerdict() ? verdictEventId : null,
                counted ? verdicts + 1 : verdicts, warned);
    }
}
