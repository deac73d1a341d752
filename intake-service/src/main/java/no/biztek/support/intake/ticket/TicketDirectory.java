package no.biztek.support.intake.ticket;

import java.time.Duration;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Component;

import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.intake.IntakeProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.ticket.TicketEvent;

/** Every ticket intake has published, as far as this instance has read them from the ticket-events topic. */
@Component
class TicketDirectory {

    private static final int CHANGE_LOCKS = 64;

    private final TicketSnapshots snapshots;
    private final TopicFollower<TicketEvent> follower;
    private final Duration lookupTimeout;
    private final Duration retryAfter;
    private final Lock[] changeLocks = new Lock[CHANGE_LOCKS];

    TicketDirectory(TicketSnapshots snapshots, TopicFollower<TicketEvent> ticketFollower, IntakeProperties properties) {
        this.snapshots = snapshots;
        this.follower = ticketFollower;
        this.lookupTimeout = properties.lookupTimeout();
        this.retryAfter = properties.retryAfter();
        for (int i = 0; i < changeLocks.length; i++) {
            changeLocks[i] = new ReentrantLock();
        }
    }

    /**
     * Applies a change to an existing ticket, as this instance knows it after reading the topic up to its
     * end, one change of a ticket at a time on this instance: each change is numbered after every earlier
     * one that reached Kafka, so no two changes share an event id.
     */
    <T> T change(String ticketId, Function<TicketSnapshot, T> change) {
        Lock lock = changeLocks[Math.floorMod(ticketId.hashCode(), changeLocks.length)];
        lock.lock();
        try {
            if (!follower.awaitCaughtUp(lookupTimeout)) {
                throw new BrokerUnavailableException("Cannot read the ticket from Kafka in time; retry later.",
                        retryAfter, null);
            }
            TicketSnapshot ticket = snapshots.get(ticketId).orElseThrow(() -> TicketProblems.unknownTicket(ticketId));
            return change.apply(ticket);
        } finally {
            lock.unlock();
        }
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

    /** Waits until this instance has read what it just wrote (a later change reads up to the end anyway). */
    void published(RecordMetadata written) {
        follower.readBack(written, lookupTimeout);
    }
}
