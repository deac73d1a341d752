package no.biztek.support.notification.cause;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import no.biztek.support.notification.cadence.KeepInformed;

/**
 * The keep-informed schedule (SPEC §2) of an open vendor escalation: its next reminder is due a cadence of business
 * time after the customer last heard from us about it, never earlier than it already was; there is none while the
 * ticket is resolved (or unknown), and it starts again, a cadence from then, when the ticket is reopened. Each rule
 * returns the escalation with its reminder set, moved or cancelled; its timer follows it (see EscalationChange).
 */
final class KeepInformedRules {

    private final Policies policies;

    KeepInformedRules(Policies policies) {
        this.policies = policies;
    }

    /**
     * A mail about the escalation was decided, or accepted by the mail server, at {@code at}: the reminder moves to a
     * cadence later, if that is later. Nothing changes while the ticket is unknown or resolved.
     */
    EscalationState mailed(EscalationState state, TicketInfo ticket, Instant at, Instant now) {
        if (ticket == null || ticket.resolved()) {
            return state;
        }
        Instant due = dueAfter(state, at, now);
        return state.withReminderDueAt(KeepInformed.later(state.reminderDueAt(), due));
    }

    /** The ticket became known: an escalation without a reminder (told before its ticket) gets one from now on. */
    EscalationState ticketKnown(EscalationState state, Instant now) {
        return state.reminderDueAt() == null ? restarted(state, now) : state;
    }

    /** The ticket is resolved: no reminders. */
    EscalationState paused(EscalationState state) {
        return state.withReminderDueAt(null);
    }

    /** The ticket is reopened: the next reminder a cadence from now, whatever was due before. */
    EscalationState restarted(EscalationState state, Instant now) {
        return state.withReminderDueAt(dueAfter(state, now, now));
    }

    /**
     * Rounded up to the millisecond: the reminder's timer key holds milliseconds and is matched against this
     * instant, so a finer one (a system clock gives microseconds) would make its own timer look superseded.
     */
    private Instant dueAfter(EscalationState state, Instant lastMail, Instant now) {
        Instant due = KeepInformed.reminderDue(policies.byId(state.policyId(), now), lastMail);
        Instant millis = due.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(due) ? due : millis.plusMillis(1);
    }
}
