package no.biztek.support.notification.delivery;

import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.notification.stage.StoreNames;

/** The notifications whose mail was accepted, as held by this instance's global store. */
class SentView {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final StreamsRunner streams;

    SentView(StreamsRunner streams) {
        this.streams = streams;
    }

    /**
     * @throws TransientDeliveryException while the view is not available (start-up), so the send waits
     */
    Optional<SentMarker> find(String notificationId) {
        try {
            ReadOnlyKeyValueStore<String, SentMarker> store = streams.store(StoreNames.SENT,
                    QueryableStoreTypes.keyValueStore(), READY_TIMEOUT);
            return Optional.ofNullable(store.get(notificationId));
        } catch (InvalidStateStoreException e) {
            throw new TransientDeliveryException("the sent view is not available yet: " + e.getMessage(), e);
        }
    }
}
