package no.biztek.support.escalation.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.paging.PagingProperties;

/**
 * {@code support_oncall_schedule_gaps{level}}: how many gaps of each level (a level with nobody distinct on call)
 * are in progress or start within {@code gap-horizon} (7 days), by the injected clock. Recomputed when the schedule
 * changes and at every hand-over check.
 */
final class GapGauge {

    private static final Logger log = LoggerFactory.getLogger(GapGauge.class);

    private final List<PagingProperties.Level> levels;
    private final Supplier<ScheduleState> state;
    private final Clock clock;
    private final Duration horizon;
    private final List<AtomicInteger> values;

    GapGauge(MeterRegistry registry, List<PagingProperties.Level> levels, Supplier<ScheduleState> state, Clock clock,
             Duration horizon) {
        this.levels = List.copyOf(levels);
        this.state = state;
        this.clock = clock;
        this.horizon = horizon;
        this.values = levels.stream().map(l -> new AtomicInteger()).toList();
        for (int level = 1; level <= levels.size(); level++) {
            Gauge.builder("support.oncall.schedule.gaps", values.get(level - 1), AtomicInteger::get)
                    .description("Gaps in the on-call schedule (a level with nobody distinct on call) in progress or "
                            + "starting within the next " + horizon.toDays() + " days")
                    .tag("level", Integer.toString(level)).register(registry);
        }
    }

    void recompute() {
        try {
            Map<Integer, Integer> counts = Gaps.countsAhead(Shifts.of(state.get(), levels), clock.instant(), horizon);
            counts.forEach((level, count) -> values.get(level - 1).set(count));
        } catch (RuntimeException e) {
            log.warn("Could not count the gaps of the on-call schedule: {}", e.toString());
        }
    }
}
