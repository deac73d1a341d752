package no.biztek.support.intake.ticket;

import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Component;

import no.biztek.support.intake.IntakeProperties;
import no.biztek.support.intake.publish.BrokerUnavailableException;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.ticket.TicketEvent;

/** Every ticket intake has published, as far as this instance has read them from the ticket-events topic. */
@Component
class TicketDirectory {

    private final TicketSnapshots snapshots;
    private final TopicFollower<TicketEvent> follower;
    private final Duration lookupTimeout;
    private final Duration retryAfter;

    TicketDirectory(TicketSnapshots snapshots, TopicFollower<TicketEvent> ticketFollower, IntakeProperties properties) {
        this.snapshots = snapshots;
        this.follower = ticketFollower;
        this.lookupTimeout = properties.lookupTimeout();
        this.retryAfter = properties.retryAfter();
    }

    /** The ticket, reading the topic up to its end first when this instance does not know it yet. */
    Optional<TicketSnapshot> find(String ticketId) {
        Optional<TicketSnapshot> known = snapshots.get(ticketId);
        if (known.isPresent()) {
            return known;
        }
        if (!follower.awaitCaughtUp(lookupTimeout)) {
            throw new BrokerUnavailableException("Cannot read the ticket from Kafka in time; retry later.",
                    retryAfter, null);
        }
        return snapshots.get(ticketId);
    }

    /** Whether the ticket is known without waiting (a duplicate open needs no round trip). */
    boolean knows(String ticketId) {
        return snapshots.get(ticketId).isPresent();
    }

    /**
     * Knows a ticket this instance just opened at once, without waiting to read it back (the hot path):
     * folding a TicketOpened twice changes nothing, so the follower's later read of it is harmless.
     */
    void opened(TicketEvent event) {
        snapshots.fold(event.getTicketId(), event);
    }

    /** Waits until this instance has read what it just wrote, so its next request sees the change. */
    void published(RecordMetadata written) {
        follower.readBack(written, lookupTimeout);
    }
}
