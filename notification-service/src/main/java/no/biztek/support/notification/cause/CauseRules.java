package no.biztek.support.notification.cause;

import java.time.Duration;
import java.time.Instant;

import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.stage.Ids;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.escalation.VendorEscalationClosed;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.escalation.VendorStatusChanged;
import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * What a cause means for the ticket's customer, and whether it is new. A cause is a vendor escalation event (opened,
 * status changed, closed) or a keep-informed reminder that fell due; each becomes one notification, told once: the
 * decision remembers the cause (its event id, or the reminder's synthetic id) as told. The ticket's customer is
 * authoritative; until the ticket is known, the notification waits for it (see TellingRules).
 */
final class CauseRules {

    /** Whether a cause is to be told. */
    enum Admission {
        NEW,
        /** Told before: redelivered, replayed or duplicated. */
        DUPLICATE,
        /** Older than the maximum cause age: it may have been told before its dedup memory expired. */
        STALE
    }

    private final Policies policies;
    private final Drafts drafts;
    private final TellingRules telling;
    private final Duration maxCauseAge;

    CauseRules(Policies policies, Drafts drafts, TellingRules telling, Duration maxCauseAge) {
        this.policies = policies;
        this.drafts = drafts;
        this.telling = telling;
        this.maxCauseAge = maxCauseAge;
    }

    /** Only the vendor escalation is the customer's business, not pages or time entries. */
    static boolean concernsCustomer(EscalationEvent event) {
        Object payload = event.getPayload();
        return payload instanceof VendorEscalationOpened || payload instanceof VendorStatusChanged
                || payload instanceof VendorEscalationClosed;
    }

    Admission admit(EscalationEvent event, boolean told, Instant now) {
        if (told) {
            return Admission.DUPLICATE;
        }
        return event.getOccurredAt().isBefore(now.minus(maxCauseAge)) ? Admission.STALE : Admission.NEW;
    }

    /** The event names another customer than its (known) ticket's: only the ticket's customer is told. */
    static boolean namesAnotherCustomer(EscalationEvent event, TicketSnapshot snapshot) {
        return snapshot.ticket() != null && !snapshot.ticket().customerId().equals(event.getCustomerId());
    }

    /** A new vendor escalation event of the ticket: its escalation as it now stands, and its notification. */
    Decision decide(EscalationEvent event, TicketSnapshot snapshot, Instant now) {
        TicketWork work = new TicketWork(snapshot, now);
        TicketInfo ticket = snapshot.ticket();
        String customerId = ticket != null ? ticket.customerId() : event.getCustomerId();
        SlaPolicy policy = ticket != null ? policies.of(ticket) : policies.at(event.getOccurredAt());
        Draft draft;
        if (event.getPayload() instanceof VendorEscalationOpened opened) {
            draft = opened(work, event, opened, customerId, policy);
        } else if (event.getPayload() instanceof VendorStatusChanged changed) {
            draft = statusChanged(work, event, changed, customerId, policy);
        } else {
            draft = closed(work, event, (VendorEscalationClosed) event.getPayload(), customerId, policy);
        }
        if (ticket == null) {
            telling.park(work, draft, "its ticket's TicketOpened");
        } else {
            telling.tell(work, drafts.withTicket(draft, ticket));
        }
        work.told(event.getEventId());
        return work.decision(Decision.Outcome.APPLIED);
    }

    private Draft opened(TicketWork work, EscalationEvent event, VendorEscalationOpened opened, String customerId,
                         SlaPolicy policy) {
        EscalationState state = new EscalationState(event.getTicketId(), customerId, opened.getEscalationId(),
                opened.getVendor(), opened.getVendorService(), opened.getVendorCaseReference(),
                VendorCaseStatus.REPORTED, null, event.getOccurredAt(), policy.id(), null);
        EscalationState existing = work.escalation(TicketSnapshot.keyOf(state));
        work.put(existing == null ? state : state.withReminderDueAt(existing.reminderDueAt()));
        return drafts.of(event.getEventId(), NotificationTemplate.VENDOR_ESCALATION_OPENED, state, null, work.now());
    }

    private Draft statusChanged(TicketWork work, EscalationEvent event, VendorStatusChanged changed, String customerId,
                                SlaPolicy policy) {
        EscalationState state = work.escalation(TicketSnapshot.keyOf(event.getTicketId(), changed.getEscalationId()));
        if (state == null) {
            state = new EscalationState(event.getTicketId(), customerId, changed.getEscalationId(), changed.getVendor(),
                    null, changed.getVendorCaseReference(), changed.getStatus(), changed.getMessage(),
                    event.getOccurredAt(), policy.id(), null);
        }
        state = state.withStatus(changed.getStatus(), changed.getMessage(), event.getOccurredAt(),
                changed.getVendorCaseReference());
        work.put(state);
        return drafts.of(event.getEventId(), NotificationTemplate.VENDOR_STATUS_CHANGED, state, null, work.now());
    }

    /** A closed escalation is forgotten, and with it its reminder. */
    private Draft closed(TicketWork work, EscalationEvent event, VendorEscalationClosed closed, String customerId,
                         SlaPolicy policy) {
        EscalationState state = work.escalation(TicketSnapshot.keyOf(event.getTicketId(), closed.getEscalationId()));
        if (state == null) {
            state = new EscalationState(event.getTicketId(), customerId, closed.getEscalationId(), closed.getVendor(),
                    null, closed.getVendorCaseReference(), null, null, event.getOccurredAt(), policy.id(), null);
        } else {
            work.remove(state);
        }
        return drafts.of(event.getEventId(), NotificationTemplate.VENDOR_ESCALATION_CLOSED, state,
                closed.getResolution(), work.now());
    }

    /** The synthetic cause of the reminder a timer stands for: one per escalation and due time. */
    String reminderCause(ReminderTimer timer) {
        return Ids.reminderCause(timer.escalationKey(), timer.dueAt().toEpochMilli());
    }

    /**
     * A keep-informed timer fell due: the customer has heard nothing about the escalation for a cadence, so a
     * still-working reminder is told, unless the timer was superseded (the escalation closed, or a mail moved the
     * reminder), the ticket is resolved or unknown (no verified customer), or the reminder was told before.
     *
     * @param snapshot the escalation's ticket; null when the escalation is gone
     * @param told     whether the timer's reminder cause was told before
     */
    Decision remind(ReminderTimer timer, TicketSnapshot snapshot, boolean told, Instant now) {
        EscalationState state = snapshot == null ? null : snapshot.escalation(timer.escalationKey());
        if (state == null || !timer.dueAt().equals(state.reminderDueAt())) {
            return Decision.spentTimer(snapshot == null ? null : snapshot.ticketId(), timer);
        }
        TicketWork work = new TicketWork(snapshot, now);
        TicketInfo ticket = work.ticket();
        if (ticket == null || ticket.resolved()) {
            work.put(state.withReminderDueAt(null));
            work.spent(timer);
            return work.decision(Decision.Outcome.TIMER_SPENT);
        }
        work.spent(timer);
        if (told) {
            return work.decision(Decision.Outcome.TIMER_SPENT);
        }
        String cause = reminderCause(timer);
        Draft draft = drafts.of(cause, NotificationTemplate.VENDOR_STILL_WORKING, state, null, now);
        telling.tell(work, drafts.withTicket(draft, ticket));
        work.told(cause);
        return work.decision(Decision.Outcome.REMINDED);
    }
}
