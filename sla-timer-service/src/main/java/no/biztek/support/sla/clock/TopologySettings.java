package no.biztek.support.sla.clock;

import java.time.Duration;
import java.util.Objects;

/**
 * How the SLA topology runs.
 *
 * @param producer                 the {@code producer} of every SLA event (spring.application.name)
 * @param punctuationInterval      how often the wall-clock timer scans for due timers
 * @param maxTimersPerPunctuation  at most this many timers are handled per scan; the rest at the next
 * @param closedClockRetention     how long a clock with a verdict (or stopped) is kept after its last change
 *                                 before deletion; a fact arriving later is dead-lettered
 * @param backlogWait              how long a task that starts with a backlog in its partition waits to have read
 *                                 it before it fires its timers anyway
 */
public record TopologySettings(String producer, Duration punctuationInterval, int maxTimersPerPunctuation,
                               Duration closedClockRetention, Duration backlogWait) {

    public TopologySettings {
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(punctuationInterval, "punctuationInterval");
        Objects.requireNonNull(closedClockRetention, "closedClockRetention");
        Objects.requireNonNull(backlogWait, "backlogWait");
        if (punctuationInterval.isNegative() || punctuationInterval.isZero()) {
            throw new IllegalArgumentException("punctuation interval must be positive, was " + punctuationInterval);
        }
        if (maxTimersPerPunctuation < 1) {
            throw new IllegalArgumentException("max timers per punctuation must be at least 1, was "
                    + maxTimersPerPunctuation);
        }
        if (closedClockRetention.isNegative()) {
            throw new IllegalArgumentException("closed-clock retention must not be negative");
        }
        if (backlogWait.isNegative()) {
            throw new IllegalArgumentException("backlog wait must not be negative");
        }
    }
}
