package no.biztek.support.notification.audit;

import java.util.Optional;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** Where the audit histories are: this instance's store and which instance holds which ticket. */
interface HistorySource {

    /** Whether the stores can be queried now (running, or rebalancing with the stores still served). */
    boolean queryable();

    /**
     * The instance holding the ticket's history, or {@link KeyQueryMetadata#NOT_AVAILABLE} while nobody knows
     * (starting, rebalancing).
     */
    KeyQueryMetadata owner(String ticketId);

    /**
     * The ticket's history in this instance's store.
     *
     * @throws InvalidStateStoreException when the store cannot be read now
     */
    Optional<NotificationHistory> local(String ticketId);
}
