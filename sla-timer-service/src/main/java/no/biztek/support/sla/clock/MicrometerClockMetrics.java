package no.biztek.support.sla.clock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.Severity;
import no.biztek.support.schemas.sla.SlaCorrectionKind;

/**
 * The SLA metrics (SPEC §4) in Prometheus terms: {@code support_sla_met_total{severity,metric,plan}},
 * {@code support_sla_breached_total{severity,metric,plan}}, {@code support_sla_open_clocks},
 * {@code support_sla_breach_lag_seconds} (histogram, {@code trigger} timer|input, {@code metric}),
 * {@code support_sla_duplicate_events_total{event}}, {@code support_sla_unknown_ticket_events_total{event}},
 * {@code support_sla_ignored_events_total{event}}, {@code support_sla_timer_failures_total},
 * {@code support_sla_unknown_plan_total}, {@code support_sla_unknown_pause_reason_total}. Severity tags are
 * levels 1-3. Counts are per instance, and an event may be counted again when a transaction is retried.
 */
@Component
class MicrometerClockMetrics implements ClockMetrics {

    private static final Logger log = LoggerFactory.getLogger(MicrometerClockMetrics.class);

    private static final List<String> TICKET_EVENT_TYPES = List.of("TicketOpened", "FirstResponseRecorded",
            "SeverityChanged", "TicketResolved", "TicketReopened", "TicketHeld", "TicketResumed");
    /** Unknown plan names logged so far (at most this many, so a flood of names cannot grow the set). */
    private static final int PLANS_LOGGED = 100;

    private final MeterRegistry registry;
    private final Map<String, Long> openClocksByTask = new ConcurrentHashMap<>();
    private final Counter timerFailures;
    private final Counter unknownPlans;
    private final Counter unknownPauseReasons;
    private final Set<String> unknownPlansLogged = ConcurrentHashMap.newKeySet();

    MicrometerClockMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("support.sla.open.clocks", openClocksByTask,
                        clocks -> clocks.values().stream().mapToLong(Long::longValue).sum())
                .description("SLA clocks running (awaiting a first response) on this instance").register(registry);
        this.timerFailures = Counter.builder("support.sla.timer.failures")
                .description("SLA timers that failed and were retried later").register(registry);
        // untagged: the names come from ticket events, not from the policy file
        this.unknownPlans = Counter.builder("support.sla.unknown.plan")
                .description("Tickets opened under a plan the policy file does not know, measured under standard")
                .register(registry);
        this.unknownPauseReasons = Counter.builder("support.sla.unknown.pause.reason")
                .description("Holds for a reason the ticket's policy version does not know; they pause nothing")
                .register(registry);
        for (Metric metric : Metric.values()) {
            for (Severity severity : Severity.values()) {
                met(metric.id(), SlaEventFactory.PLAN, severity, 0);
                breachedCounter(metric.id(), SlaEventFactory.PLAN, severity);
            }
            lag(metric.id(), true);
            lag(metric.id(), false);
        }
        for (SlaCorrectionKind kind : SlaCorrectionKind.values()) {
            if (kind != SlaCorrectionKind.OTHER) {
                corrections(kind.name());
            }
        }
        for (String eventType : TICKET_EVENT_TYPES) {
            duplicates(eventType);
            unknownTickets(eventType);
            ignoredEvents(eventType);
        }
    }

    @Override
    public void met(Severity severity) {
        met(Metric.FIRST_RESPONSE.id(), SlaEventFactory.PLAN, severity);
    }

    @Override
    public void met(String metric, String plan, Severity severity) {
        met(metric, plan, severity, 1);
    }

    private void met(String metric, String plan, Severity severity, int amount) {
        Counter.builder("support.sla.met").description("SLA targets met (SlaMet), by metric and plan")
                .tag("severity", level(severity)).tag("metric", metric).tag("plan", plan)
                .register(registry).increment(amount);
    }

    @Override
    public void breached(Severity severity, Duration lag, boolean byTimer) {
        breached(Metric.FIRST_RESPONSE.id(), SlaEventFactory.PLAN, severity, lag, byTimer);
    }

    @Override
    public void breached(String metric, String plan, Severity severity, Duration lag, boolean byTimer) {
        breachedCounter(metric, plan, severity).increment();
        lag(metric, byTimer).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    private Counter breachedCounter(String metric, String plan, Severity severity) {
        return Counter.builder("support.sla.breached")
                .description("SLA deadlines breached (SlaBreached), by metric and plan")
                .tag("severity", level(severity)).tag("metric", metric).tag("plan", plan).register(registry);
    }

    private Timer lag(String metric, boolean byTimer) {
        return Timer.builder("support.sla.breach.lag")
                .description("Breach emitted minus its dueAt; trigger=timer for breaches fired by the wall clock, "
                        + "input for tickets that arrived already past their deadline")
                .tag("trigger", byTimer ? "timer" : "input")
                .tag("metric", metric)
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    @Override
    public void corrected(String kind) {
        corrections(kind).increment();
    }

    @Override
    public void duplicate(String eventType) {
        duplicates(eventType).increment();
    }

    @Override
    public void unknownTicket(String eventType) {
        unknownTickets(eventType).increment();
    }

    @Override
    public void ignored(String eventType) {
        ignoredEvents(eventType).increment();
    }

    private Counter corrections(String kind) {
        return counter("support.sla.corrections", "Announced verdicts a late fact corrected (SlaCorrected), by kind",
                "kind", kind);
    }

    private Counter duplicates(String eventType) {
        return counter("support.sla.duplicate.events",
                "Ticket events applied before (same eventId) or a second TicketOpened; nothing changed", "event",
                eventType);
    }

    private Counter unknownTickets(String eventType) {
        return counter("support.sla.unknown.ticket.events",
                "Lifecycle events for tickets without an SLA clock; dead-lettered", "event", eventType);
    }

    private Counter ignoredEvents(String eventType) {
        return counter("support.sla.ignored.events",
                "Events recorded without effect under the rules, e.g. a severity change after the verdict", "event",
                eventType);
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }

    @Override
    public void unknownPlan(String plan) {
        unknownPlans.increment();
        if (unknownPlansLogged.size() < PLANS_LOGGED && unknownPlansLogged.add(plan)) {
            log.warn("Tickets name plan '{}', which the policy file does not define: they are measured under the "
                    + "default plan '{}' (logged once per plan; counted in support_sla_unknown_plan_total)", plan,
                    PlanCatalogue.DEFAULT_PLAN);
        }
    }

    @Override
    public void unknownPauseReason(String reason) {
        unknownPauseReasons.increment();
    }

    @Override
    public void timerFailed() {
        timerFailures.increment();
    }

    @Override
    public void openClocks(String taskId, long count) {
        openClocksByTask.put(taskId, count);
    }

    @Override
    public void taskClosed(String taskId) {
        openClocksByTask.remove(taskId);
    }

    private static String level(Severity severity) {
        return Integer.toString(severity.level());
    }
}
