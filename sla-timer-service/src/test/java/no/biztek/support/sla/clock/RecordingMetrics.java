package no.biztek.support.sla.clock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import no.biztek.support.policy.Severity;

/** Remembers what the topology reported. */
class RecordingMetrics implements ClockMetrics {

    final List<Severity> met = new ArrayList<>();
    final List<Duration> timerBreachLags = new ArrayList<>();
    final List<Duration> inputBreachLags = new ArrayList<>();
    final List<String> corrections = new ArrayList<>();
    final List<String> duplicates = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();
    final Map<String, Long> openClocks = new ConcurrentHashMap<>();

    @Override
    public void met(Severity severity) {
        met.add(severity);
    }

    @Override
    public void breached(Severity severity, Duration lag, boolean byTimer) {
        (byTimer ? timerBreachLags : inputBreachLags).add(lag);
    }

    @Override
    public void corrected(String kind) {
        corrections.add(kind);
    }

    @Override
    public void duplicate(String eventType) {
        duplicates.add(eventType);
    }

    @Override
    public void unknownTicket(String eventType) {
        unknown.add(eventType);
    }

    @Override
    public void ignored(String eventType) {
        ignored.add(eventType);
    }

    @Override
    public void openClocks(String taskId, long count) {
        openClocks.put(taskId, count);
    }

    @Override
    public void taskClosed(String taskId) {
        openClocks.remove(taskId);
    }

    long totalOpenClocks() {
        return openClocks.values().stream().mapToLong(Long::longValue).sum();
    }
}
