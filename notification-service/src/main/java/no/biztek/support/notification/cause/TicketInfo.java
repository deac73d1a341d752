package no.biztek.support.notification.cause;

import java.time.Instant;
import java.util.Objects;

import no.biztek.support.notification.compose.Contact;

/** What the service keeps of a ticket, from its TicketOpened (and whether it is resolved). */
record TicketInfo(String ticketId, String customerId, String reference, String title, Contact requester,
                  Instant openedAt, boolean resolved) {

    TicketInfo {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    TicketInfo withResolved(boolean isResolved) {
        return new TicketInfo(ticketId, customerId, reference, title, requester, openedAt, isResolved);
    }
}
