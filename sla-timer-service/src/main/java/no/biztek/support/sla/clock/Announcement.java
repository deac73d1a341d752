package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import no.biztek.support.policy.PauseRules;
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
 * @param pauseReason      why the clock was announced paused (STOPPED): RESOLVED or a hold's reason; null otherwise
 */
public record Announcement(ClockState state, Severity severity, Instant dueAt, Instant respondedAt,
                           String verdictEventId, int verdicts, List<String> warned, String pauseReason) {

    /** How many warning keys are remembered: thresholds of the last few deadlines. */
    static final int WARNINGS_REMEMBERED = 16;

    public Announcement {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(dueAt, "dueAt");
        warned = List.copyOf(warned);
        if (state != ClockState.STOPPED) {
            pauseReason = null;
        } else if (pauseReason == null) {
            pauseReason = PauseRules.RESOLVED;
        }
    }

    /** An announcement before holds existed: a stopped clock was stopped by the ticket's resolution. */
    public Announcement(ClockState state, Severity severity, Instant dueAt, Instant respondedAt,
                        String verdictEventId, int verdicts, List<String> warned) {
        this(state, severity, dueAt, respondedAt, verdictEventId, verdicts, warned, null);
    }

    /** Whether it announced a pause for a hold, not the ticket's resolution. */
    boolean isHeld() {
        return pauseReason != null && !PauseRules.RESOLVED.equals(pauseReason);
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
        return new Announcement(state, severity, dueAt, respondedAt, verdictEventId, verdicts, keys, pauseReason);
    }

    Announcement pausedFor(String reason) {
        return new Announcement(state, severity, dueAt, respondedAt, verdictEventId, verdicts, warned, reason);
    }

    /** The clock announced at {@code reading}; a new verdict (or correction) event id counts one more. */
    Announcement announcing(ClockReading reading, String newVerdictEventId, boolean counted) {
        return new Announcement(reading.state(), reading.severity(), reading.dueAt(),
                reading.state() == ClockState.MET ? reading.respondedAt() : null,
                newVerdictEventId != null ? newVerdictEventId : reading.state().hasVerdict() ? verdictEventId : null,
                counted ? verdicts + 1 : verdicts, warned, reading.pauseReason());
    }
}
