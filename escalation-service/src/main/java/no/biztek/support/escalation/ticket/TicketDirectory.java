package no.biztek.support.escalation.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import no.biztek.support.escalation.view.Expiry;
import no.biztek.support.escalation.view.ViewsProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/**
 * What this service knows of every ticket (from {@code support.ticket-events.v1}): its customer and state.
 *
 * <p>Bounded: a resolved ticket is forgotten {@code resolved-ticket-retention} after its {@code resolvedAt} (the
 * event's own time, against the injected clock, so a directory rebuilt at start-up forgets the same tickets); open
 * tickets are kept however old. A forgotten ticket is unknown (opening a vendor escalation on it answers 404, as
 * for a ticket never seen); when it is reopened it is known again (its customer from the reopening, its opening
 * time unknown).
 */
@Component
public class TicketDirectory implements TopicFollower.View<TicketEvent> {

    /**
     * A ticket as far as vendor escalations need it.
     *
     * @param openedAt null when the ticket was known again by its reopening after it had been forgotten
     */
    public record Ticket(String ticketId, String customerId, Instant openedAt, boolean resolved) {
    }

    private final Map<String, Ticket> tickets = new HashMap<>();
    private final Expiry<String> forgetting = new Expiry<>();
    private final Clock clock;
    private final Duration resolvedRetention;

    public TicketDirectory(Clock clock, ViewsProperties views) {
        this.clock = clock;
        this.resolvedRetention = views.resolvedTicketRetention();
    }

    @Override
    public synchronized void fold(String key, TicketEvent event) {
        Object payload = event.getPayload();
        String ticketId = event.getTicketId();
        if (payload instanceof TicketOpened opened) {
            tickets.putIfAbsent(ticketId, new Ticket(ticketId, event.getCustomerId(), opened.getOpenedAt(), false));
        } else if (payload instanceof TicketResolved resolved) {
            Ticket known = tickets.computeIfPresent(ticketId, (id, t) -> new Ticket(id, t.customerId(), t.openedAt(), true));
            if (known != null) {
                forgetting.schedule(ticketId, resolved.getResolvedAt().plus(resolvedRetention));
            }
        } else if (payload instanceof TicketReopened) {
            Ticket known = tickets.get(ticketId);
            tickets.put(ticketId, new Ticket(ticketId, known == null ? event.getCustomerId() : known.customerId(),
                    known == null ? null : known.openedAt(), false));
            forgetting.cancel(ticketId);
        }
        forgetDue();
    }

    public synchronized Optional<Ticket> find(String ticketId) {
        forgetDue();
        return Optional.ofNullable(tickets.get(ticketId));
    }

    /** How long a resolved ticket is kept. */
    public Duration resolvedRetention() {
        return resolvedRetention;
    }

    /** How many tickets are kept (for tests and diagnostics). */
    synchronized int size() {
        forgetDue();
        return tickets.size();
    }

    private void forgetDue() {
        forgetting.takeDue(clock.instant()).forEach(tickets::remove);
    }
}
