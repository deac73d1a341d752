package no.biztek.support.notification.cause;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.customer.CustomerView;
import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * Whether a notification is told now or waits. A notification of a known ticket whose customer is in the directory
 * goes out at once, after the ticket's notifications that wait (in the order decided); otherwise it is parked until
 * its ticket's TicketOpened or its customer's directory entry arrives, for at most the awaiting grace. Then it goes to
 * the requester only (customer still unknown), or to nobody (ticket still unknown: the customer the escalation event
 * names is not trusted). Every mail about an open escalation moves its keep-informed reminder.
 */
final class TellingRules {

    private final Drafts drafts;
    private final KeepInformedRules keepInformed;
    private final Duration awaitingGrace;

    TellingRules(Drafts drafts, KeepInformedRules keepInformed, Duration awaitingGrace) {
        this.drafts = drafts;
        this.keepInformed = keepInformed;
        this.awaitingGrace = awaitingGrace;
    }

    /** The waiting notifications of every ticket, oldest decision first (as they are looked at again). */
    static List<Waiting> inDecisionOrder(Collection<Waiting> waiting) {
        return waiting.stream().sorted(Waiting.DECISION_ORDER).toList();
    }

    /** A notification of the known ticket, completed from it: told now if its customer is known, else parked. */
    void tell(TicketWork work, Draft draft) {
        CustomerView customer = work.customer();
        if (customer == null) {
            park(work, draft, "customer " + work.ticket().customerId() + "'s directory entry");
            return;
        }
        releaseWaiting(work);
        send(work, draft, customer);
    }

    /** Parks the notification after the ticket's others that wait (several may be decided in one millisecond). */
    void park(TicketWork work, Draft draft, String waitingFor) {
        work.pending(draft);
        long sequence = work.waiting().stream().mapToLong(w -> w.parked().sequence() + 1).max().orElse(0);
        work.park(new Parking(new ParkedDraft(draft, work.now(), sequence), waitingFor));
    }

    /** Sends every notification of the ticket that waits, oldest first: the ticket and its customer are known. */
    void releaseWaiting(TicketWork work) {
        for (Waiting waiting : work.waiting()) {
            send(work, drafts.withTicket(waiting.draft(), work.ticket()), work.customer());
            work.release(waiting);
        }
    }

    /** A waiting notification looked at again: sent once its ticket and customer are known, or when its grace is up. */
    Decision recheck(Waiting waiting, TicketSnapshot snapshot, Instant now) {
        TicketWork work = new TicketWork(snapshot, now);
        Draft draft = waiting.draft();
        boolean expired = !waiting.parked().parkedAt().plus(awaitingGrace).isAfter(now);
        TicketInfo ticket = work.ticket();
        Decision.Outcome outcome;
        if (ticket == null) {
            if (!expired) {
                return work.decision(Decision.Outcome.STILL_WAITING);
            }
            work.pending(draft);
            work.mail(Outgoing.withheld(draft, "ticket unknown: no TicketOpened for ticket " + draft.ticketId()
                    + " within " + awaitingGrace + ", so its customer cannot be verified"));
            outcome = Decision.Outcome.WITHHELD;
        } else if (work.customer() != null) {
            send(work, drafts.withTicket(draft, ticket), work.customer());
            outcome = Decision.Outcome.RELEASED;
        } else if (expired) {
            send(work, drafts.withTicket(draft, ticket), null);
            outcome = Decision.Outcome.REQUESTER_ONLY;
        } else {
            return work.decision(Decision.Outcome.STILL_WAITING);
        }
        work.release(waiting);
        return work.decision(outcome);
    }

    /** A mail to the customer (null: the requester only); about an escalation still open, it moves the reminder. */
    private void send(TicketWork work, Draft draft, CustomerView customer) {
        work.pending(draft);
        work.mail(Outgoing.to(draft, customer));
        if (draft.template() == NotificationTemplate.VENDOR_ESCALATION_CLOSED) {
            return;
        }
        EscalationState state = work.escalation(TicketSnapshot.keyOf(draft.ticketId(), draft.escalationId()));
        if (state != null) {
            work.put(keepInformed.mailed(state, work.ticket(), work.now(), work.now()));
        }
    }
}
