package no.biztek.support.notification.cause;

import java.time.Instant;

import no.biztek.support.notification.compose.Contact;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/**
 * What a ticket's lifecycle means for the notifications about it. TicketOpened makes the ticket known: its customer
 * and its plan's policy version in force when it was opened rule its escalations, its waiting notifications go out once its
 * customer is in the directory, and escalations told before it get reminders from now on. TicketResolved stops the
 * reminders; TicketReopened starts them again.
 */
final class TicketRules {

    private final Policies policies;
    private final TellingRules telling;
    private final KeepInformedRules keepInformed;

    TicketRules(Policies policies, TellingRules telling, KeepInformedRules keepInformed) {
        this.policies = policies;
        this.telling = telling;
        this.keepInformed = keepInformed;
    }

    /** Whose directory entry the event needs: a TicketOpened's own customer; null: the known ticket's. */
    static String namedCustomer(TicketEvent event) {
        return event.getPayload() instanceof TicketOpened ? event.getCustomerId() : null;
    }

    Decision decide(TicketEvent event, TicketSnapshot snapshot, Instant now) {
        TicketWork work = new TicketWork(snapshot, now);
        TicketInfo known = snapshot.ticket();
        Object payload = event.getPayload();
        if (payload instanceof TicketOpened opened) {
            opened(work, event, opened);
        } else if (payload instanceof TicketResolved && known != null) {
            work.ticket(known.withResolved(true));
            work.escalations().forEach(state -> work.put(keepInformed.paused(state)));
        } else if (payload instanceof TicketReopened && known != null && known.resolved()) {
            work.ticket(known.withResolved(false));
            work.escalations().forEach(state -> work.put(keepInformed.restarted(state, now)));
        }
        return work.decision(Decision.Outcome.APPLIED);
    }

    private void opened(TicketWork work, TicketEvent event, TicketOpened opened) {
        TicketInfo known = work.ticket();
        Person requester = opened.getRequester();
        TicketInfo info = new TicketInfo(event.getTicketId(), event.getCustomerId(), opened.getExternalId(),
                opened.getTitle(), requester == null ? null : new Contact(requester.getName(), requester.getEmail()),
                opened.getOpenedAt(), known != null && known.resolved(), opened.getPlan());
        work.ticket(info);
        String policyId = policies.of(info).id();
        for (EscalationState state : work.escalations()) {
            if (!state.policyId().equals(policyId) || !state.customerId().equals(info.customerId())) {
                work.put(state.withTicket(info.customerId(), policyId));
            }
        }
        if (work.customer() != null) {
            telling.releaseWaiting(work);
        }
        if (known == null) {
            // an escalation that arrived before its ticket (and whose notification may have failed) still owes the
            // customer the keep-informed updates from now on
            work.escalations().forEach(state -> work.put(keepInformed.ticketKnown(state, work.now())));
        }
    }
}
