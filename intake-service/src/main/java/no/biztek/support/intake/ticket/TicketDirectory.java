package no.biztek.support.intake.ticket;

import java.time.Duration;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.httpapi.problem.RequestValidator;
import no.biztek.support.intake.config.IntakeProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.ticket.TicketEvent;

/**
 * Every ticket intake has published and not yet forgotten ({@link TicketRetention}), as far as this instance has
 * read them from the ticket-events topic.
 */
@Component
class TicketDirectory {

    private static final Logger log = LoggerFactory.getLogger(TicketDirectory.class);
    private static final int CHANGE_LOCKS = 64;

    private final TicketSnapshots snapshots;
    private final TicketRetention retention;
    private final TopicFollower<TicketEvent> follower;
    private final Duration lookupTimeout;
    private final Duration retryAfter;
    private final RequestValidator validator;
    private final Lock[] changeLocks = new Lock[CHANGE_LOCKS];

    TicketDirectory(TicketSnapshots snapshots, TicketRetention retention, TopicFollower<TicketEvent> ticketFollower,
                    IntakeProperties properties, RequestValidator validator) {
        this.snapshots = snapshots;
        this.retention = retention;
        this.follower = ticketFollower;
        this.lookupTimeout = properties.lookupTimeout();
        this.retryAfter = properties.retryAfter();
        this.validator = validator;
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
            TicketSnapshot ticket = snapshots.get(ticketId)
                    .orElseThrow(() -> TicketProblems.unknownTicket(ticketId, retention.retention()));
            return change.apply(ticket);
        } finally {
            lock.unlock();
        }
    }

    /** A change a request asks of a known ticket, decided on the ticket's snapshot. */
    @FunctionalInterface
    interface RequestedChange<R> {
        Accepted apply(String ticketId, TicketSnapshot ticket, R request);
    }

    /**
     * Validates the request, then applies its change as {@link #change(String, Function)} does: a request that
     * breaks a rule neither waits for the ticket nor publishes anything.
     */
    <R> Accepted change(String ticketId, R request, RequestedChange<R> change) {
        validator.validate(request);
        return change(ticketId, ticket -> change.apply(ticketId, ticket, request));
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

    /**
     * Takes forgotten tickets out of memory, once everything written to the topic up to now has been read
     * (an event accepted just before a ticket was forgotten must not be folded into nothing). Does nothing while
     * the topic cannot be read up to its end in time; the next sweep tries again.
     */
    void removeForgotten() {
        if (!follower.isCaughtUp() || !follower.awaitCaughtUp(lookupTimeout)) {
            return;
        }
        int removed = snapshots.removeForgotten();
        if (removed > 0) {
            log.info("Forgot {} tickets resolved more than {} ago; {} tickets known", removed,
                    retention.retention(), snapshots.size());
        }
    }

    /** Waits until this instance has read what it just wrote (a later change reads up to the end anyway). */
    void published(RecordMetadata written) {
        follower.readBack(written, lookupTimeout);
    }
}
