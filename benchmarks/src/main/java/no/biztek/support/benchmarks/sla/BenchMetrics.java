package no.biztek.support.benchmarks.sla;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import no.biztek.support.policy.Severity;
import no.biztek.support.sla.clock.ClockMetrics;

/** Counts what the topology reports: SlaMet, breach lag of timer-fired breaches, open clocks per task. */
final class BenchMetrics implements ClockMetrics {

    private final AtomicLong met = new AtomicLong();
    private final Queue<Long> timerLagsMillis = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> open = new ConcurrentHashMap<>();

    @Override
    public void met(Severity severity) {
        met.incrementAndGet();
    }

    @Override
    public void breached(Severity severity, Duration lag, boolean byTimer) {
        if (byTimer) {
            timerLagsMillis.add(lag.toMillis());
        }
    }

    @Override
    public void openClocks(String taskId, long count) {
        open.put(taskId, count);
    }

    @Override
    public void taskClosed(String taskId) {
        open.remove(taskId);
    }

    long met() {
        return met.get();
    }

    List<Long> timerLagsMillis() {
        return List.copyOf(timerLagsMillis);
    }

    long openClocks() {
        return open.values().stream().mapToLong(Long::longValue).sum();
    }
}
