package no.biztek.support.escalation.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/** What this service knows of every ticket (from {@code support.ticket-events.v1}): its customer and state. */
@Component
public class TicketDirectory implements TopicFollower.View<TicketEvent> {

    /** A ticket as far as vendor escalations need it. */
    public record Ticket(String ticketId, String customerId, Instant openedAt, boolean resolved) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    @Override
    public void fold(String key, TicketEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof TicketOpened opened) {
            tickets.putIfAbsent(event.getTicketId(),
                    new Ticket(event.getTicketId(), event.getCustomerId(), opened.getOpenedAt(), false));
        } else if (payload instanceof TicketResolved) {
            tickets.computeIfPresent(event.getTicketId(), (id, t) -> new Ticket(id, t.customerId(), t.openedAt(), true));
        } else if (payload instanceof TicketReopened) {
            tickets.computeIfPresent(event.getTicketId(), (id, t) -> new Ticket(id, t.customerId(), t.openedAt(), false));
        }
    }

    public Optional<Ticket> find(String ticketId) {
        return Optional.ofNullable(tickets.get(ticketId));
    }
}
