package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;

/**
 * The SLA rules as pure decisions: a ticket event, or the passing of time, turns one {@link SlaClock} into
 * the next and yields the SLA events to emit. No Kafka, no stores, no wall clock of its own.
 *
 * <p>The clock's state is {@link FirstResponseTimeline a function of its facts}; these rules only store the
 * facts and compare what the facts say now with what the clock {@link Announcement announced}:
 * <ul>
 * <li>no verdict announced yet: a moved deadline is an SlaDeadlineChanged, a pause an SlaClockStopped, a
 * resumption an SlaClockStarted, a verdict an SlaMet or SlaBreached; due warnings of the deadline in force
 * are sent once;</li>
 * <li>a verdict announced that the facts no longer give (a late response retracts a breach, a late upgrade
 * turns a MET into a breach, a late change moves the breach): an SlaCorrected naming the verdict it
 * supersedes and the new state, followed by the new verdict when there is one;</li>
 * <li>a clock whose events announced no running clock is kept {@code closedRetention} after its last
 * change (for the status query, deduplication and corrections), then deleted.</li>
 * </ul>
 */
final class ClockRules {

    /** Names the consultant of a response that named none. */
    static final String UNKNOWN_CONSULTANT = "unknown";

    private final ClockReader reader;
    private final SlaEventFactory events;
    private final Duration closedRetention;

    ClockRules(PolicyHistory policies, String producer, Duration closedRetention) {
        this.reader = new ClockReader(policies);
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
        return announce(clock, clock.facts().with(fact), fact, now, byWallClock, true);
    }

    /** Fires what is due by {@code now} (warnings, breach) or, for a closed clock past its retention, deletes it. */
    Step timer(SlaClock clock, Instant now) {
        if (!clock.isRunning()) {
            boolean expired = clock.timerAt() != null && !clock.timerAt().isAfter(now);
            return expired ? new Step(clock, null, List.of(), Step.Outcome.APPLIED)
                    : Step.unchanged(clock, Step.Outcome.IGNORED);
        }
        return announce(clock, clock.facts(), null, now, true, false);
    }

    private Step open(TicketEvent event, Fact opened, Instant now, boolean byWallClock) {
        SlaPolicy policy;
        try {
            policy = reader.inForceAt(opened.at());
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketEventException("TicketOpened: " + e.getMessage(), e);
        }
        TicketFacts facts = TicketFacts.openedBy(opened);
        ClockReading first = FirstResponseTimeline.read(facts, policy, now, false);
        SlaClock started = new SlaClock(event.getTicketId(), event.getCustomerId(), policy.id(), facts,
                new Announcement(ClockState.RUNNING, first.severity(), first.dueAt(), null, null, 0, List.of()), null);
        Step step = announce(started, facts, opened, now, byWallClock, true);
        List<SlaEvent> out = new ArrayList<>();
        out.add(events.started(started, first, policy, opened));
        out.addAll(step.events());
        return new Step(null, step.after(), out, Step.Outcome.APPLIED);
    }

    private Step announce(SlaClock clock, TicketFacts facts, Fact cause, Instant now, boolean byWallClock,
                          boolean newFact) {
        SlaPolicy policy = reader.policyOf(clock);
        ClockReading reading = FirstResponseTimeline.read(facts, policy, now, byWallClock);
        SlaClock measured = clock.with(facts, clock.announced(), clock.timerAt());
        Announcement before = clock.announced();
        List<SlaEvent> out = new ArrayList<>();
        Announcement after = before.state().hasVerdict()
                ? correct(measured, before, reading, policy, cause, now, out)
                : progress(measured, before, reading, policy, cause, now, out);
        for (SlaPolicy.Warning warning : reading.warnings()) {
            String key = Announcement.warningKey(warning.thresholdPercent(), reading.dueAt());
            if (byWallClock && !warning.dueAt().isAfter(now) && !after.hasWarned(key)) {
                out.add(events.warning(measured, reading, policy, warning));
                after = after.withWarning(key);
            }
        }
        Instant timerAt = planTimer(clock, reading, after, now, newFact);
        SlaClock next = clock.with(facts, after, timerAt);
        Step.Outcome outcome = out.isEmpty() && after.equals(before) && newFact ? Step.Outcome.IGNORED
                : Step.Outcome.APPLIED;
        return new Step(clock, next, out, outcome);
    }

    /** No verdict announced yet: announce how the clock moved on. */
    private Announcement progress(SlaClock clock, Announcement before, ClockReading reading, SlaPolicy policy,
                                  Fact cause, Instant now, List<SlaEvent> out) {
        boolean deadlineMoved = reading.severity() != before.severity() || !reading.dueAt().equals(before.dueAt());
        String causeId = cause == null ? "timer|" + now.toEpochMilli() : cause.eventId();
        switch (reading.state()) {
            case RUNNING -> {
                if (before.state() == ClockState.STOPPED) {
                    out.add(events.started(clock, reading, policy, reading.measuredSince()));
                } else if (deadlineMoved) {
                    out.add(events.deadlineChanged(clock, reading, policy, before, causeId,
                            cause == null ? now : cause.at()));
                }
                return before.announcing(reading, null, false);
            }
            case STOPPED -> {
                if (before.state() == ClockState.RUNNING) {
                    out.add(events.stopped(clock, reading, causeId));
                } else if (deadlineMoved) {
                    // nothing is measured while resolved, but the severity and the deadline it resumes with changed
                    out.add(events.deadlineChanged(clock, reading, policy, before, causeId,
                            cause == null ? now : cause.at()));
                }
                return before.announcing(reading, null, false);
            }
            default -> {
                if (deadlineMoved) {
                    out.add(events.deadlineChanged(clock, reading, policy, before, causeId,
                            cause == null ? now : cause.at()));
                }
                String verdictId = verdictId(clock, reading.state(), before.verdicts());
                out.add(reading.state() == ClockState.MET ? events.met(clock, reading, policy, verdictId)
                        : events.breached(clock, reading, policy, verdictId));
                return before.announcing(reading, verdictId, true);
            }
        }
    }

    /** A verdict was announced: if the facts now say otherwise, correct it. */
    private Announcement correct(SlaClock clock, Announcement before, ClockReading reading, SlaPolicy policy,
                                 Fact cause, Instant now, List<SlaEvent> out) {
        boolean same = reading.state() == before.state() && reading.severity() == before.severity()
                && reading.dueAt().equals(before.dueAt())
                && (reading.state() != ClockState.MET || reading.respondedAt().equals(before.respondedAt()));
        if (same) {
            return before;
        }
        SlaCorrectionKind kind;
        if (reading.state() == before.state()) {
            kind = SlaCorrectionKind.VERDICT_REVISED;
        } else {
            kind = before.state() == ClockState.BREACHED ? SlaCorrectionKind.BREACH_WITHDRAWN
                    : SlaCorrectionKind.MET_WITHDRAWN;
        }
        String correctionId = EventIds.of(clock.ticketId(), SlaEventFactory.METRIC, "corrected",
                Integer.toString(before.verdicts()));
        out.add(events.corrected(clock, reading, correctionId, before.verdictEventId(), kind,
                cause == null ? null : cause.eventId(), now));
        Announcement corrected = before.announcing(reading, null, true);
        if (kind == SlaCorrectionKind.VERDICT_REVISED || !reading.state().hasVerdict()) {
            return corrected;
        }
        String verdictId = verdictId(clock, reading.state(), corrected.verdicts());
        out.add(reading.state() == ClockState.MET ? events.met(clock, reading, policy, verdictId)
                : events.breached(clock, reading, policy, verdictId));
        return corrected.announcing(reading, verdictId, true);
    }

    private static String verdictId(SlaClock clock, ClockState verdict, int count) {
        String kind = verdict == ClockState.MET ? "met" : "breached";
        return EventIds.of(clock.ticketId(), SlaEventFactory.METRIC, kind, Integer.toString(count));
    }

    /**
     * The clock's one timer: its next warning or deadline while it runs (due ones fire as soon as the task may
     * fire timers), its deletion {@code closedRetention} after its last change once it does not.
     */
    private Instant planTimer(SlaClock before, ClockReading reading, Announcement announced, Instant now,
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
}
