package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.Objects;

/**
 * What one metric's clock of a ticket announced, and its one entry in the timer index.
 *
 * @param announced what the metric's SLA events announced so far
 * @param timerAt   the instant of its entry in the timer index (next warning or deadline while running, the
 *                  clock's deletion once closed), null for none
 */
public record MetricClock(Announcement announced, Instant timerAt) {

    public MetricClock {
        Objects.requireNonNull(announced, "announced");
    }

    boolean isRunning() {
        return announced.isRunning();
    }
}
