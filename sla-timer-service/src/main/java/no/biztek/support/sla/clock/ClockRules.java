package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/**
 * The SLA rules of SPEC §2 as pure state transitions: a ticket event or the passing of time turns one
 * {@link SlaClock} into the next and yields the SLA events to emit. No Kafka, no stores, no wall clock
 * of its own: {@code now} is passed in.
 *
 * <p>Rules where the issue leaves a choice (see the README):
 * <ul>
 * <li>Everything due by {@code now} fires when the clock is touched: a ticket whose deadline has passed
 * when it arrives breaches at once; a warning is emitted only while the clock still runs, so warnings
 * overtaken by the breach in the same step are not emitted, and warnings still pending when the clock
 * gets a verdict or stops are dropped.</li>
 * <li>A first response is judged by its {@code respondedAt}: before {@code dueAt} it is MET even if it
 * arrives a little later, unless the breach was already emitted; at or after {@code dueAt} it is a breach.</li>
 * <li>A severity change while the clock runs moves the deadline (SlaDeadlineChanged). While STOPPED it
 * changes the severity and deadline silently, so a reopened ticket is measured under them. After the
 * verdict (MET or BREACHED) it is recorded and changes nothing: a verdict is final.</li>
 * <li>TicketReopened: if the clock was STOPPED (resolved without a first response) measuring resumes with
 * the same {@code dueAt} (time while resolved counts), emitting SlaClockStarted, and breaches at once if
 * that deadline has passed. A first response recorded while the ticket was resolved is judged at the
 * reopening (MET if before {@code dueAt}, else BREACHED). After the verdict a reopening changes nothing
 * for the first-response SLA.</li>
 * <li>A clock with a verdict or stopped is kept {@code closedRetention} (for the status query and for
 * deduplication), then deleted.</li>
 * </ul>
 */
final class ClockRules {

    /** Names the consultant of a response stored before clocks kept it. */
    static final String UNKNOWN_CONSULTANT = "unknown";

    private final PolicyHistory policies;
    private final Map<String, SlaPolicy> policiesById;
    private final SlaEventFactory events;
    private final Duration closedRetention;

    ClockRules(PolicyHistory policies, String producer, Duration closedRetention) {
        this.policies = policies;
        this.policiesById = policies.versions().stream().collect(Collectors.toMap(SlaPolicy::id, p -> p));
        this.events = new SlaEventFactory(producer);
        this.closedRetention = closedRetention;
    }

    /** Applies a ticket event to the ticket's clock ({@code clock} null: the ticket has none). */
    Step apply(SlaClock clock, TicketEvent event, Instant now) {
        Object payload = event.getPayload();
        if (clock != null && clock.hasSeen(event.getEventId())) {
            return Step.unchanged(clock, Step.Outcome.DUPLICATE);
        }
        if (payload instanceof TicketOpened opened) {
            return clock == null ? open(event, opened, now) : Step.unchanged(clock, Step.Outcome.DUPLICATE);
        }
        if (clock == null) {
            return Step.unchanged(null, Step.Outcome.UNKNOWN_TICKET);
        }
        if (payload instanceof FirstResponseRecorded response) {
            return respond(clock, event, response, now);
        }
        if (payload instanceof SeverityChanged change) {
            return changeSeverity(clock, event, change, now);
        }
        if (payload instanceof TicketResolved resolved) {
            return resolve(clock, event, resolved, now);
        }
        if (payload instanceof TicketReopened reopened) {
            return reopen(clock, event, reopened, now);
        }
        throw new InvalidTicketEventException("unsupported ticket event payload "
                + (payload == null ? "null" : payload.getClass().getSimpleName()));
    }

    /** Fires what is due by {@code now} (warnings, breach) or, for a closed clock past its retention, deletes it. */
    Step timer(SlaClock clock, Instant now) {
        if (!clock.isRunning()) {
            boolean expired = clock.timerAt() != null && !clock.timerAt().isAfter(now);
            return expired ? new Step(clock, null, List.of(), Step.Outcome.APPLIED)
                    : Step.unchanged(clock, Step.Outcome.IGNORED);
        }
        SlaClock.Builder next = clock.toBuilder();
        List<SlaEvent> out = new ArrayList<>();
        fireDue(next, policyOf(clock), now, out);
        return finish(clock, next, now, out, Step.Outcome.APPLIED);
    }

    /** The policy version a clock is measured under. */
    SlaPolicy policyOf(SlaClock clock) {
        SlaPolicy policy = policiesById.get(clock.policyVersion());
        return policy != null ? policy : policies.inForceAt(clock.openedAt());
    }

    private Step open(TicketEvent event, TicketOpened opened, Instant now) {
        SlaPolicy policy;
        try {
            policy = policies.inForceAt(opened.getOpenedAt());
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketEventException("TicketOpened: " + e.getMessage(), e);
        }
        Severity severity = Severity.valueOf(opened.getSeverity().name());
        Instant dueAt = policy.firstResponseDeadline(severity, opened.getOpenedAt());
        SlaClock clock = SlaClock.started(event.getTicketId(), event.getCustomerId(), policy.id(), severity,
                opened.getOpenedAt(), dueAt, event.getEventId());
        SlaClock.Builder next = clock.toBuilder();
        List<SlaEvent> out = new ArrayList<>();
        out.add(events.started(clock, policy, opened.getOpenedAt(), event.getEventId()));
        fireDue(next, policy, now, out);
        return finish(null, next, now, out, Step.Outcome.APPLIED);
    }

    private Step respond(SlaClock clock, TicketEvent event, FirstResponseRecorded response, Instant now) {
        SlaClock.Builder next = clock.toBuilder().seen(event.getEventId());
        List<SlaEvent> out = new ArrayList<>();
        if (clock.isRunning()) {
            next.responded(response.getRespondedAt(), response.getConsultant());
            judgeResponse(next, policyOf(clock), out);
            return finish(clock, next, now, out, Step.Outcome.APPLIED);
        }
        if (clock.respondedAt() == null) {
            // after a breach: recorded, no second verdict; while stopped: recorded, judged if the ticket is reopened
            next.responded(response.getRespondedAt(), response.getConsultant());
            return finish(clock, next, now, out, Step.Outcome.APPLIED);
        }
        return finish(clock, next, now, out, Step.Outcome.IGNORED);
    }

    /** The verdict on a running clock with a recorded response: MET before the deadline, else BREACHED. */
    private void judgeResponse(SlaClock.Builder next, SlaPolicy policy, List<SlaEvent> out) {
        SlaClock responded = next.build();
        if (responded.respondedAt().isBefore(responded.dueAt())) {
            next.state(ClockState.MET).verdictAt(responded.respondedAt());
            out.add(events.met(next.build(), policy, responded.respondedAt(),
                    responded.respondedBy() == null ? UNKNOWN_CONSULTANT : responded.respondedBy()));
        } else {
            next.state(ClockState.BREACHED).verdictAt(responded.dueAt());
            out.add(events.breached(next.build(), policy));
        }
    }

    private Step changeSeverity(SlaClock clock, TicketEvent event, SeverityChanged change, Instant now) {
        SlaClock.Builder next = clock.toBuilder().seen(event.getEventId());
        Severity severity = Severity.valueOf(change.getSeverity().name());
        List<SlaEvent> out = new ArrayList<>();
        SlaPolicy policy = policyOf(clock);
        // a deadline that passed before the change was a breach under the old severity, timer or not
        breachIfDue(next, policy, earlier(now, change.getChangedAt()), out);
        if (!out.isEmpty()) {
            return finish(clock, next, now, out, Step.Outcome.APPLIED);
        }
        if (severity == clock.severity() || (!clock.isRunning() && clock.state() != ClockState.STOPPED)) {
            return finish(clock, next, now, out, Step.Outcome.IGNORED);
        }
        Instant dueAt = policy.firstResponseDeadline(severity, clock.openedAt());
        if (clock.state() == ClockState.STOPPED) {
            // nothing is measured while resolved; a reopened ticket is measured under the severity it has then
            next.severity(severity).dueAt(dueAt);
            return finish(clock, next, now, out, Step.Outcome.APPLIED);
        }
        next.severity(severity).dueAt(dueAt);
        out.add(events.deadlineChanged(next.build(), policy, change.getChangedAt(), event.getEventId(),
                clock.severity(), clock.dueAt(), change.getReason()));
        fireDue(next, policy, now, out);
        return finish(clock, next, now, out, Step.Outcome.APPLIED);
    }

    private Step resolve(SlaClock clock, TicketEvent event, TicketResolved resolved, Instant now) {
        SlaClock.Builder next = clock.toBuilder().seen(event.getEventId());
        Instant resolvedAt = resolved.getResolvedAt();
        List<SlaEvent> out = new ArrayList<>();
        SlaPolicy policy = policyOf(clock);
        if (clock.isRunning()) {
            // a deadline that passed before the resolution was a breach, even if the timer had not fired yet
            breachIfDue(next, policy, earlier(now, resolvedAt), out);
            if (next.state() == ClockState.RUNNING) {
                next.state(ClockState.STOPPED).verdictAt(resolvedAt);
                out.add(events.stopped(next.build(), policy, resolvedAt, event.getEventId()));
            }
            next.resolvedAt(resolvedAt);
            return finish(clock, next, now, out, Step.Outcome.APPLIED);
        }
        if (clock.resolvedAt() == null) {
            next.resolvedAt(resolvedAt);
            return finish(clock, next, now, out, Step.Outcome.APPLIED);
        }
        return finish(clock, next, now, out, Step.Outcome.IGNORED);
    }

    private Step reopen(SlaClock clock, TicketEvent event, TicketReopened reopened, Instant now) {
        SlaClock.Builder next = clock.toBuilder().seen(event.getEventId());
        List<SlaEvent> out = new ArrayList<>();
        if (clock.resolvedAt() == null) {
            return finish(clock, next, now, out, Step.Outcome.IGNORED);
        }
        next.resolvedAt(null);
        if (clock.state() == ClockState.STOPPED) {
            SlaPolicy policy = policyOf(clock);
            next.state(ClockState.RUNNING).verdictAt(null);
            out.add(events.started(next.build(), policy, reopened.getReopenedAt(), event.getEventId()));
            if (clock.respondedAt() != null) {
                judgeResponse(next, policy, out); // answered while resolved: that response is the first one
            } else {
                fireDue(next, policy, now, out);
            }
        }
        return finish(clock, next, now, out, Step.Outcome.APPLIED);
    }

    /** Emits the breach if due, otherwise each warning due and not yet emitted, in threshold order. */
    private void fireDue(SlaClock.Builder next, SlaPolicy policy, Instant now, List<SlaEvent> out) {
        if (next.state() != ClockState.RUNNING || breachIfDue(next, policy, now, out)) {
            return;
        }
        SlaClock snapshot = next.build();
        for (SlaPolicy.Warning warning : policy.warnings(next.severity(), snapshot.openedAt())) {
            if (!next.hasWarned(warning.thresholdPercent()) && !warning.dueAt().isAfter(now)) {
                next.markWarned(warning.thresholdPercent());
                out.add(events.warning(snapshot, policy, warning));
            }
        }
    }

    /** Breaches a running clock whose deadline is not after {@code at}; whether it did. */
    private boolean breachIfDue(SlaClock.Builder next, SlaPolicy policy, Instant at, List<SlaEvent> out) {
        if (next.state() != ClockState.RUNNING || next.dueAt().isAfter(at)) {
            return false;
        }
        next.state(ClockState.BREACHED).verdictAt(next.dueAt());
        out.add(events.breached(next.build(), policy));
        return true;
    }

    /** The instant rounded up to whole milliseconds: the precision of the timer index and the stored clock. */
    static Instant ceilMillis(Instant instant) {
        Instant millis = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return millis.equals(instant) ? millis : millis.plusMillis(1);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Plans the clock's one timer: its next warning or deadline while running, its deletion once closed. */
    private Step finish(SlaClock before, SlaClock.Builder next, Instant now, List<SlaEvent> out,
                       Step.Outcome outcome) {
        if (next.state() == ClockState.RUNNING) {
            SlaClock snapshot = next.build();
            Instant timer = next.dueAt();
            for (SlaPolicy.Warning warning : policyOf(snapshot).warnings(next.severity(), snapshot.openedAt())) {
                if (!next.hasWarned(warning.thresholdPercent()) && warning.dueAt().isBefore(timer)) {
                    timer = warning.dueAt();
                }
            }
            next.timerAt(ceilMillis(timer));
        } else if (before == null || before.isRunning()) {
            next.timerAt(ceilMillis(now.plus(closedRetention)));
        }
        return new Step(before, next.build(), out, outcome);
    }
}
