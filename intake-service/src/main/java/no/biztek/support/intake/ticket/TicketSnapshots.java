package no.biztek.support.intake.ticket;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.ticket.TicketEvent;

/** Each ticket's snapshot, folded from the ticket-events topic by its follower, keyed compactly. */
@Component
class TicketSnapshots implements TopicFollower.View<TicketEvent> {

    private final Map<Object, TicketSnapshot> tickets = new ConcurrentHashMap<>();
    private final CompactIds ids = new CompactIds();

    @Override
    public void fold(String ticketId, TicketEvent event) {
        tickets.compute(CompactIds.key(ticketId), (id, current) -> TicketSnapshot.fold(current, event, ids));
    }

    Optional<TicketSnapshot> get(String ticketId) {
        return Optional.ofNullable(tickets.get(CompactIds.key(ticketId)));
    }
}
