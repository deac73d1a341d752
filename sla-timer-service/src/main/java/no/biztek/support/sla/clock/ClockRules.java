package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;

/**
 * The SLA rules as pure decisions: a ticket event, or the passing of time, turns one {@link SlaClock} into
 * the next and yields the SLA events to emit. No Kafka, no stores, no wall clock of its own.
 *
 * <p>Each metric's state is {@link MetricTimeline a function of the ticket's facts}; these rules only store the
 * facts and compare, per metric, what the facts say now with what its clock {@link Announcement announced}:
 * <ul>
 * <li>no verdict announced yet: a moved deadline is an SlaDeadlineChanged, a pause an SlaClockStopped, a
 * resumption an SlaClockStarted, a verdict an SlaMet or SlaBreached; due warnings of the deadline in force
 * are sent once;</li>
 * <li>a verdict announced that the facts no longer give (a late response retracts a breach, a late upgrade
 * turns a MET into a breach, a late change moves the breach): an SlaCorrected naming the verdict it
 * supersedes and the new state, followed by the new verdict when there is one;</li>
 * <li>a clock none of whose metrics runs is kept {@code closedRetention} after its last change (for the status
 * query, deduplication and corrections), then deleted.</li>
 * </ul>
 */
final class ClockRules {

    /** Names the consultant of a response that named none. */
    static final String UNKNOWN_CONSULTANT = "unknown";

    private final ClockReader reader;
    private final SlaEventFactory events;
    private final Duration closedRetention;

    ClockRules(PolicyHistory policies, String producer, Duration closedRetention) {
        this(new PlanCatalogue(List.of(policies)), producer, closedRetention);
    }

    ClockRules(PlanCatalogue plans, String producer, Duration closedRetention) {
        this.reader = new ClockReader(plans);
        this.events = new SlaEventFactory(producer);
        this.closedRetention = closedRetention;
    }

    /**
     * Applies a ticket event to the ticket's clock ({@code clock} null: the ticket has none).
     *
     * @param byWallClock whether deadlines passed by {@code now} count (false while a restarted task reads its
     *                    backlog: only the facts decide until it has caught up)
     */
    Step apply(SlaClock clock, TicketEvent event, Instant now, boolean byWallClock) {
        Fact fact = Fact.of(event);
        if (clock == null) {
            return fact.kind() == Fact.Kind.OPENED ? open(event, fact, now, byWallClock)
                    : Step.unchanged(null, Step.Outcome.UNKNOWN_TICKET);
        }
        if (fact.kind() == Fact.Kind.OPENED || clock.facts().contains(fact.eventId())) {
            return Step.unchanged(clock, Step.Outcome.DUPLICATE);
        }
        if (clock.facts().lifecycle().size() >= SlaClock.MAX_FACTS) {
            throw new InvalidTicketEventException("ticket " + clock.ticketId() + " already has "
                    + SlaClock.MAX_FACTS + " facts; further facts are not measured");
        }
        SlaClock next = clock.with(clock.facts().with(fact));
        List<SlaEvent> out = new ArrayList<>();
        boolean changed = false;
        for (Metric metric : clock.metrics()) {
            MetricStep step = announce(next, metric, fact, now, byWallClock, true);
            out.addAll(step.events());
            changed |= !step.clock().announced().equals(clock.metric(metric).announced());
            next = next.with(metric, step.clock());
        }
        List<Step.Notice> notices = fact.kind() == Fact.Kind.HELD && !reader.policyOf(clock).pauseRules().knows(
                fact.detail()) ? List.of(new Step.Notice(Step.Notice.Kind.UNKNOWN_PAUSE_REASON, fact.detail()))
                : List.of();
        return new Step(clock, next, out, out.isEmpty() && !changed ? Step.Outcome.IGNORED : Step.Outcome.APPLIED,
                notices);
    }

    /** Fires the first-response timer: {@link #timer(SlaClock, Metric, Instant)}. */
    Step timer(SlaClock clock, Instant now) {
        return timer(clock, Metric.FIRST_RESPONSE, now);
    }

    /**
     * Fires what is due by {@code now} for one metric (warnings, breach) or, for a closed metric past its retention,
     * deletes the clock, unless another metric of the ticket still runs or closed later (then only that timer is used
     * up; the other's deletes it).
     */
    Step timer(SlaClock clock, Metric metric, Instant now) {
        MetricClock measured = clock.metric(metric);
        if (measured == null) {
            return Step.unchanged(clock, Step.Outcome.IGNORED);
        }
        if (!measured.isRunning()) {
            boolean expired = measured.timerAt() != null && !measured.timerAt().isAfter(now);
            if (!expired) {
                return Step.unchanged(clock, Step.Outcome.IGNORED);
            }
            boolean keep = clock.isRunning() || laterTimerThan(clock, metric);
            SlaClock after = keep ? clock.withTimerAt(metric, null) : null;
            return new Step(clock, after, List.of(), Step.Outcome.APPLIED);
        }
        MetricStep step = announce(clock, metric, null, now, true, false);
        return new Step(clock, clock.with(metric, step.clock()), step.events(), Step.Outcome.APPLIED);
    }

    private Step open(TicketEvent event, Fact opened, Instant now, boolean byWallClock) {
        ClockReader.PlanChoice terms;
        try {
            terms = reader.inForceAt(((TicketOpened) event.getPayload()).getPlan(), opened.at());
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketEventException("TicketOpened: " + e.getMessage(), e);
        }
        SlaPolicy policy = terms.policy();
        TicketFacts facts = TicketFacts.openedBy(opened);
        Map<Metric, ClockReading> first = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            if (MetricTimeline.measures(policy, metric)) {
                first.put(metric, MetricTimeline.read(facts, policy, metric, now, false));
            }
        }
        ClockReading response = first.get(Metric.FIRST_RESPONSE);
        ClockReading resolution = first.get(Metric.RESOLUTION);
        SlaClock next = new SlaClock(event.getTicketId(), event.getCustomerId(), policy.id(), facts,
                initial(response), null, resolution == null ? null : new MetricClock(initial(resolution), null));
        List<SlaEvent> out = new ArrayList<>();
        for (Metric metric : next.metrics()) {
            out.add(events.started(next, metric, first.get(metric), policy, opened));
            MetricStep step = announce(next, metric, opened, now, byWallClock, true);
            out.addAll(step.events());
            next = next.with(metric, step.clock());
        }
        return new Step(null, next, out, Step.Outcome.APPLIED, terms.unknownPlan() == null ? List.of()
                : List.of(new Step.Notice(Step.Notice.Kind.UNKNOWN_PLAN, terms.unknownPlan())));
    }

    /** Whether another metric of the clock has a timer after this one's: the clock's last change came later. */
    private static boolean laterTimerThan(SlaClock clock, Metric metric) {
        Instant at = clock.metric(metric).timerAt();
        for (Metric other : clock.metrics()) {
            Instant otherAt = clock.metric(other).timerAt();
            if (other != metric && otherAt != null && otherAt.isAfter(at)) {
                return true;
            }
        }
        return false;
    }

    private static Announcement initial(ClockReading reading) {
        return new Announcement(ClockState.RUNNING, reading.severity(), reading.dueAt(), null, null, 0, List.of());
    }

    /** One metric of a clock (whose facts are up to date) read again: what to announce, and its next timer. */
    private MetricStep announce(SlaClock clock, Metric metric, Fact cause, Instant now, boolean byWallClock,
                                boolean newFact) {
        SlaPolicy policy = reader.policyOf(clock);
        ClockReading reading = MetricTimeline.read(clock.facts(), policy, metric, now, byWallClock);
        MetricClock current = clock.metric(metric);
        Announcement before = current.announced();
        MetricEvents emit = new MetricEvents(events, clock, metric, policy);
        List<SlaEvent> out = new ArrayList<>();
        Announcement after = before.state().hasVerdict()
                ? VerdictAnnouncer.correct(emit, before, reading, cause, now, out)
                : VerdictAnnouncer.progress(emit, before, reading, cause, now, out);
        for (SlaPolicy.Warning warning : reading.warnings()) {
            String key = Announcement.warningKey(warning.thresholdPercent(), reading.dueAt());
            if (byWallClock && !warning.dueAt().isAfter(now) && !after.hasWarned(key)) {
                out.add(emit.warning(reading, warning));
                after = after.withWarning(key);
            }
        }
        return new MetricStep(new MetricClock(after, planTimer(current, reading, after, now, newFact)), out);
    }

    /**
     * A metric's one timer: its next warning or deadline while it runs (due ones fire as soon as the task may fire
     * timers), the clock's deletion {@code closedRetention} after its last change once it does not.
     */
    private Instant planTimer(MetricClock before, ClockReading reading, Announcement announced, Instant now,
                              boolean newFact) {
        if (announced.isRunning()) {
            Instant timer = reading.dueAt();
            for (SlaPolicy.Warning warning : reading.warnings()) {
                String key = Announcement.warningKey(warning.thresholdPercent(), reading.dueAt());
                if (!announced.hasWarned(key) && warning.dueAt().isBefore(timer)) {
                    timer = warning.dueAt();
                }
            }
            return ceilMillis(timer);
        }
        if (newFact || before.isRunning() || before.timerAt() == null) {
            return ceilMillis(now.plus(closedRetention));
        }
        return before.timerAt();
    }

    /** The instant rounded up to whole milliseconds: the precision of the timer index and the stored clock. */
    static Instant ceilMillis(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(instant) ? millis : millis.plusMillis(1);
    }

    /** One metric read again: its clock after, and the events to emit. */
    private record MetricStep(MetricClock clock, List<SlaEvent> events) {
    }
}
