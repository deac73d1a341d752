package no.biztek.support.sla.clock;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.deadletter.Decoded;
import no.biztek.support.kafka.deadletter.DeadLetterRoute;
import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.kafka.timer.TimerIndexRebuild;
import no.biztek.support.kafka.timer.TimerKind;
import no.biztek.support.policy.Metric;
import no.biztek.support.policy.Severity;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * Keeps the clocks of one task (partition): applies ticket events, and on a wall-clock punctuation asks the
 * task's {@link TimerIndex} for what is due by now (at most {@code maxTimersPerPunctuation} entries) and fires it.
 * Every clock has at most one index entry per metric it measures (its {@link MetricClock#timerAt()}, of the
 * metric's {@link TimerKind}); entries that no longer match their clock are dropped when reached.
 * Until the task has read the backlog its partition held when it started ({@link BacklogGate}), no timer
 * fires and only facts decide. An event the rules refuse (a lifecycle event of a ticket without a clock — never
 * opened, or its clock was deleted after the closed-clock retention —, an opening before any policy version) is
 * dead-lettered through the topology's {@link DeadLetterRoute}, in the same transaction, and processing goes on.
 */
final class SlaClockProcessor implements Processor<String, Decoded<TicketEvent>, Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(SlaClockProcessor.class);
    static final String OPEN_CLOCKS = "open-clocks";
    /** The first-response timer of a clock: its next warning or deadline while running, its deletion once closed. */
    static final TimerKind CLOCK_TIMER = TimerKind.of(1, "sla-clock");
    /** The resolution timer of a clock that measures resolution, the same way. */
    static final TimerKind RESOLUTION_TIMER = TimerKind.of(2, "sla-resolution-clock");
    /** Meta store entry telling that the timer store is in kafka-platform's index layout. */
    static final String TIMER_INDEX_FORMAT = "timer-index-format";
    private static final Duration RETRY_FAILED_TIMER = Duration.ofMinutes(1);

    private final ClockRules rules;
    private final Supplier<Instant> clock;
    private final TopologySettings settings;
    private final ClockMetrics metrics;
    private final InputBacklog.Lookup backlogLookup;
    private final DeadLetterRoute<TicketEvent> deadLetters;

    private BacklogGate gate;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, SlaClock> clocks;
    private KeyValueStore<Bytes, byte[]> timerStore;
    private TimerIndex timers;
    private KeyValueStore<String, byte[]> meta;
    private long openClocks;
    private String taskId;

    SlaClockProcessor(ClockRules rules, Supplier<Instant> clock, TopologySettings settings, ClockMetrics metrics,
                      InputBacklog.Lookup backlogLookup, DeadLetterRoute<TicketEvent> deadLetters) {
        this.rules = rules;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
        this.backlogLookup = backlogLookup;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.clocks = context.getStateStore(SlaTopology.CLOCK_STORE);
        this.timerStore = context.getStateStore(SlaTopology.TIMER_STORE);
        this.meta = context.getStateStore(SlaTopology.META_STORE);
        this.taskId = context.taskId().toString();
        this.timers = null;
        byte[] open = meta.get(OPEN_CLOCKS);
        this.openClocks = open == null ? 0 : ByteBuffer.wrap(open).getLong();
        metrics.openClocks(taskId, openClocks);
        TopicPartition input = new TopicPartition(Topics.TICKET_EVENTS.name(), context.taskId().partition());
        gate = new BacklogGate(taskId, backlogLookup.lookUp(input), clock.get(), settings.backlogWait());
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, ignored -> fireDueTimers());
    }

    /**
     * The task's timer index, in the current layout: rebuilt, if its store is in an earlier one, at the first record
     * or punctuation rather than in {@link #init}, because a cached store takes writes only while a record or a
     * punctuation is processed.
     */
    private TimerIndex timers() {
        if (timers == null) {
            TimerIndexRebuild.unlessMarkedCurrent(timerStore, meta, TIMER_INDEX_FORMAT, timerSources(clocks));
            timers = new TimerIndex(timerStore);
        }
        return timers;
    }

    /** Where the timers come from when the index is rebuilt: every metric clock that has one. */
    static List<TimerIndexRebuild.Source<?>> timerSources(KeyValueStore<String, SlaClock> clocks) {
        return List.of(new TimerIndexRebuild.Source<>(clocks, (ticketId, clock) -> {
            List<Timer> timers = new ArrayList<>(2);
            for (Metric metric : clock.metrics()) {
                Instant at = clock.metric(metric).timerAt();
                if (at != null) {
                    timers.add(new Timer(at, kindOf(metric), ticketId));
                }
            }
            return timers;
        }));
    }

    static TimerKind kindOf(Metric metric) {
        return metric == Metric.RESOLUTION ? RESOLUTION_TIMER : CLOCK_TIMER;
    }

    @Override
    public void process(Record<String, Decoded<TicketEvent>> record) {
        TicketEvent event = record.value().value();
        String ticketId = event.getTicketId();
        Instant now = clock.get();
        context.recordMetadata().ifPresent(metadata -> gate.processed(metadata.offset()));
        String type = event.getPayload() == null ? "null" : event.getPayload().getClass().getSimpleName();
        Step step;
        try {
            step = rules.apply(clocks.get(ticketId), event, now, gate.isOpen(now));
            if (step.outcome() == Step.Outcome.UNKNOWN_TICKET) {
                metrics.unknownTicket(type);
                throw new InvalidTicketEventException(type + " " + event.getEventId() + " of ticket " + ticketId
                        + " has no SLA clock to apply to: the ticket was never opened here, or its clock closed more "
                        + "than " + settings.closedClockRetention() + " (support.sla.closed-clock-retention) before "
                        + "this fact arrived");
            }
        } catch (RuntimeException e) {
            // the rules are pure: whatever they refuse, or fail on, is this record's problem, not the task's
            deadLetters.deadLetter(context, record, e);
            return;
        }
        for (Step.Notice notice : step.notices()) {
            switch (notice.kind()) {
                case UNKNOWN_PLAN -> metrics.unknownPlan(notice.value());
                case UNKNOWN_PAUSE_REASON -> metrics.unknownPauseReason(notice.value());
            }
        }
        switch (step.outcome()) {
            case DUPLICATE -> metrics.duplicate(type);
            case IGNORED -> metrics.ignored(type);
            case APPLIED, UNKNOWN_TICKET -> {
            }
        }
        commit(ticketId, step, now, false);
    }

    /** Handles the timers due by now, from the scan position on, at most the configured number. */
    void fireDueTimers() {
        Instant now = clock.get();
        if (!gate.isOpen(now)) {
            return;
        }
        for (Timer timer : timers().due(now, settings.maxTimersPerPunctuation())) {
            fire(timer, now);
        }
    }

    private void fire(Timer timer, Instant now) {
        Metric metric = timer.is(RESOLUTION_TIMER) ? Metric.RESOLUTION : Metric.FIRST_RESPONSE;
        SlaClock current = clocks.get(timer.key());
        MetricClock measured = current == null ? null : current.metric(metric);
        if (measured == null || measured.timerAt() == null
                || measured.timerAt().toEpochMilli() != timer.dueAt().toEpochMilli()) {
            return; // stale entry: the clock moved its timer or is gone
        }
        // the entry is used up: "before" has no timer, so whatever timer the step plans is written anew
        SlaClock consumed = current.withTimerAt(metric, null);
        Step step;
        try {
            step = rules.timer(current, metric, now);
        } catch (RuntimeException e) {
            // only the rules are guarded: a failure of the stores or of forwarding must end the task, not be retried
            // here after part of the step's events went out
            log.error("SLA timer of ticket {} failed; retrying in {}", timer.key(), RETRY_FAILED_TIMER, e);
            metrics.timerFailed();
            SlaClock retry = current.withTimerAt(metric, ClockRules.ceilMillis(now.plus(RETRY_FAILED_TIMER)));
            commit(timer.key(), new Step(consumed, retry, List.of(), Step.Outcome.APPLIED), now, true);
            return;
        }
        commit(timer.key(), new Step(consumed, step.after(), step.events(), step.outcome()), now, true);
    }

    private void commit(String ticketId, Step step, Instant now, boolean byTimer) {
        SlaClock before = step.before();
        SlaClock after = step.after();
        if (!Objects.equals(before, after)) {
            if (after == null) {
                clocks.delete(ticketId);
            } else {
                clocks.put(ticketId, after);
            }
            for (Metric metric : Metric.values()) {
                moveTimer(ticketId, metric, timerAt(before, metric), timerAt(after, metric));
            }
            long delta = (isRunning(after) ? 1 : 0) - (isRunning(before) ? 1 : 0);
            if (delta != 0) {
                openClocks += delta;
                meta.put(OPEN_CLOCKS, ByteBuffer.allocate(Long.BYTES).putLong(openClocks).array());
                metrics.openClocks(taskId, openClocks);
            }
        }
        long timestamp = now.toEpochMilli();
        for (SlaEvent event : step.events()) {
            context.forward(new Record<Object, Object>(ticketId, event, timestamp), SlaTopology.SINK);
            Severity severity = Severity.valueOf(event.getSeverity().name());
            if (event.getPayload() instanceof SlaMet) {
                metrics.met(event.getMetric(), event.getPlan(), severity);
            } else if (event.getPayload() instanceof SlaBreached) {
                metrics.breached(event.getMetric(), event.getPlan(), severity, Duration.between(event.getDueAt(), now),
                        byTimer);
            } else if (event.getPayload() instanceof SlaCorrected correction) {
                metrics.corrected(correction.getKind().name());
            }
        }
    }

    private void moveTimer(String ticketId, Metric metric, Instant from, Instant to) {
        if (!Objects.equals(from, to)) {
            TimerKind kind = kindOf(metric);
            timers().reschedule(from == null ? null : new Timer(from, kind, ticketId),
                    to == null ? null : new Timer(to, kind, ticketId));
        }
    }

    private static Instant timerAt(SlaClock clock, Metric metric) {
        MetricClock measured = clock == null ? null : clock.metric(metric);
        return measured == null ? null : measured.timerAt();
    }

    private static boolean isRunning(SlaClock clock) {
        return clock != null && clock.isRunning();
    }

    @Override
    public void close() {
        if (taskId != null) {
            metrics.taskClosed(taskId);
        }
    }
}
