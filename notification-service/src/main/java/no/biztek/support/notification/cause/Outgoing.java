package no.biztek.support.notification.cause;

import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.customer.CustomerView;

/**
 * A notification to word and produce as a mail command.
 *
 * @param customer the ticket's customer: the mail goes to the requester and the customer's contacts in the customer's
 *                 language; null: to the requester only, in bokmål
 * @param withheld why the notification must go to nobody (its ticket is unknown), or null; such a command has no
 *                 recipients, so the sender reports it as failed
 */
record Outgoing(Draft draft, CustomerView customer, String withheld) {

    static Outgoing to(Draft draft, CustomerView customer) {
        return new Outgoing(draft, customer, null);
    }

    static Outgoing withheld(Draft draft, String reason) {
        return new Outgoing(draft, null, reason);
    }
}
