package no.biztek.support.intake.ticket;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import no.biztek.support.intake.IntakeProperties;
import no.biztek.support.intake.mirror.TopicMirror;
import no.biztek.support.intake.publish.BrokerUnavailableException;
import no.biztek.support.schemas.ticket.TicketEvent;

/** Every ticket intake has published, as far as this instance has read them from the ticket-events topic. */
@Component
class TicketDirectory {

    private final TopicMirror<TicketEvent, TicketSnapshot> mirror;
    private final Duration lookupTimeout;
    private final Duration retryAfter;

    TicketDirectory(TopicMirror<TicketEvent, TicketSnapshot> ticketMirror, IntakeProperties properties) {
        this.mirror = ticketMirror;
        this.lookupTimeout = properties.lookupTimeout();
        this.retryAfter = properties.retryAfter();
    }

    /** The ticket, reading up to the end of its partition first when this instance does not know it yet. */
    Optional<TicketSnapshot> find(String ticketId) {
        Optional<TicketSnapshot> known = mirror.get(ticketId);
        if (known.isPresent()) {
            return known;
        }
        if (!mirror.awaitCaughtUp(ticketId, lookupTimeout)) {
            throw new BrokerUnavailableException("Cannot read the ticket from Kafka in time; retry later.",
                    retryAfter, null);
        }
        return mirror.get(ticketId);
    }

    /** Whether the ticket is known without waiting (a duplicate open needs no round trip). */
    boolean knows(String ticketId) {
        return mirror.get(ticketId).isPresent();
    }

    void published(TicketEvent event, long offset) {
        mirror.apply(event.getTicketId(), event, offset);
    }
}
