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
 * What this service knows of every ticket (from {@code support.ticket-events.v1}): its customer, state and what it
 * was opened with.
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
     * A ticket as far as vendor escalations and pages need it.
     *
     * @param openedAt    null when the ticket was known again by its reopening after it had been forgotten
     * @param opening     what the ticket was opened with; null when it was known again by its reopening
     */
    public record Ticket(String ticketId, String customerId, Instant openedAt, boolean resolved, Opening opening) {

        Ticket withResolved(boolean resolved) {
            return new Ticket(ticketId, customerId, openedAt, resolved, opening);
        }
    }

    /**
     * What a ticket was opened with, as a person paged for it reads it.
     *
     * @param description the first {@value #DESCRIPTION_KEPT} characters of the description (a page shows its first
     *                    lines; the ticket topic keeps the whole)
     */
    public record Opening(String title, String description, String source, String externalId) {

        static final int DESCRIPTION_KEPT = 1000;

        static Opening of(TicketOpened opened) {
            String description = opened.getDescription();
            return new Opening(opened.getTitle(), description.length() <= DESCRIPTION_KEPT ? description
                    : description.substring(0, DESCRIPTION_KEPT), opened.getSource(), opened.getExternalId());
        }
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
            tickets.putIfAbsent(ticketId, new Ticket(ticketId, event.getCustomerId(), opened.getOpenedAt(), false,
                    Opening.of(opened)));
        } else if (payload instanceof TicketResolved resolved) {
            Ticket known = tickets.computeIfPresent(ticketId, (id, t) -> t.withResolved(true));
            if (known != null) {
                forgetting.schedule(ticketId, resolved.getResolvedAt().plus(resolvedRetention));
            }
        } else if (payload instanceof TicketReopened) {
            Ticket known = tickets.get(ticketId);
            tickets.put(ticketId, known == null ? new Ticket(ticketId, event.getCustomerId(), null, false, null)
                    : known.withResolved(false));
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
