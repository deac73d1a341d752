package no.biztek.support.intake.ticket;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;

/**
 * Each known ticket's snapshot, folded from the ticket-events topic by its follower, keyed compactly. A ticket
 * resolved longer ago than the retention is forgotten ({@link TicketRetention}): {@link #get} no longer shows it
 * at once, and {@link #removeForgotten} takes it out of memory.
 */
@Component
class TicketSnapshots implements TopicFollower.View<TicketEvent> {

    private final Map<Object, TicketSnapshot> tickets = new ConcurrentHashMap<>();
    private final CompactIds ids = new CompactIds();
    private final TicketRetention retention;
    private final Clock clock;

    TicketSnapshots(TicketRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Folds every event on the ticket as it is, even one forgotten by now: while the topic is read from the
     * beginning, a later event (a reopening within the retention) may still follow. Only an opening replaces a
     * forgotten ticket: intake publishes one for a known ticket id only once it has forgotten the ticket.
     */
    @Override
    public void fold(String ticketId, TicketEvent event) {
        boolean opening = event.getPayload() instanceof TicketOpened;
        tickets.compute(CompactIds.key(ticketId), (id, current) -> TicketSnapshot.fold(
                opening && current != null && retention.forgotten(current, clock.instant()) ? null : current,
                event, ids));
    }

    /** The ticket, unless it is unknown or forgotten. */
    Optional<TicketSnapshot> get(String ticketId) {
        return Optional.ofNullable(tickets.get(CompactIds.key(ticketId)))
                .filter(ticket -> !retention.forgotten(ticket, clock.instant()));
    }

    /**
     * Takes the tickets forgotten for longer than the grace out of memory. Only safe once every event written
     * so far has been folded (a reopening within the retention may follow a resolution long ago).
     *
     * @return how many were taken out
     */
    int removeForgotten() {
        int before = tickets.size();
        tickets.values().removeIf(ticket -> retention.removable(ticket, clock.instant()));
        return before - tickets.size();
    }

    /** How many tickets are in memory. */
    int size() {
        return tickets.size();
    }
}
