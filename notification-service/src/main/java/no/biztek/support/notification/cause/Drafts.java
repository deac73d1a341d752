package no.biztek.support.notification.cause;

import java.time.Instant;

import no.biztek.support.notification.cadence.KeepInformed;
import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.stage.Ids;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.notification.NotificationTemplate;

/** What a notification about an escalation is to tell, and the same completed from its ticket once it is known. */
final class Drafts {

    private final Policies policies;

    Drafts(Policies policies) {
        this.policies = policies;
    }

    /** A notification about the escalation as it stands; until its ticket is known it names the ticket by its id. */
    Draft of(String cause, NotificationTemplate template, EscalationState state, String resolution, Instant now) {
        SlaPolicy policy = policies.byId(state.policyId(), now);
        return new Draft(Ids.notificationId(cause, template), cause, template, state.escalationId(), state.ticketId(),
                state.customerId(), state.ticketId(), null, null, state.vendor(), state.vendorService(),
                state.caseReference(), state.status(), state.vendorMessage(), resolution, state.statusAt(),
                KeepInformed.cadence(policy), policy.calendar().zone().getId(), now);
    }

    /** The draft completed from its ticket: customer, reference, title, requester and the ticket's policy. */
    Draft withTicket(Draft draft, TicketInfo ticket) {
        SlaPolicy policy = policies.of(ticket);
        return draft.withTicket(ticket.customerId(), ticket.reference(), ticket.title(), ticket.requester())
                .withPolicy(KeepInformed.cadence(policy), policy.calendar().zone().getId());
    }
}
