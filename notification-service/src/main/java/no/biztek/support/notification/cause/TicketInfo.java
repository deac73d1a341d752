package no.biztek.support.notification.cause;

import java.time.Instant;
import java.util.Objects;

import no.biztek.support.notification.compose.Contact;

/**
 * What the service keeps of a ticket, from its TicketOpened (and whether it is resolved). {@code plan} is the
 * customer's plan when the ticket was opened, as TicketOpened named it; null (tickets stored before plans, and
 * TicketOpened written before v3) is the default plan.
 */
record TicketInfo(String ticketId, String customerId, String reference, String title, Contact requester,
                  Instant openedAt, boolean resolved, String plan) {

    TicketInfo {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    TicketInfo(String ticketId, String customerId, String reference, String title, Contact requester,
               Instant openedAt, boolean resolved) {
        this(ticketId, customerId, reference, title, requester, openedAt, resolved, null);
    }

    TicketInfo withResolved(boolean isResolved) {
        return new TicketInfo(ticketId, customerId, reference, title, requester, openedAt, isResolved, plan);
    }
}
