package no.biztek.support.notification.audit;

import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.notification.stage.StoreNames;

/** The audit histories in the pipeline's store ({@code notification-history}). */
class StreamsHistorySource implements HistorySource {

    private static final Duration STORE_WAIT = Duration.ofSeconds(5);

    private final StreamsRunner streams;

    StreamsHistorySource(StreamsRunner streams) {
        this.streams = streams;
    }

    @Override
    public boolean queryable() {
        return streams.isReady();
    }

    @Override
    public KeyQueryMetadata owner(String ticketId) {
        return streams.metadataFor(StoreNames.HISTORY, ticketId);
    }

    @Override
    public Optional<NotificationHistory> local(String ticketId) {
        ReadOnlyKeyValueStore<String, NotificationHistory> store = streams.store(StoreNames.HISTORY,
                QueryableStoreTypes.keyValueStore(), STORE_WAIT);
        return Optional.ofNullable(store.get(ticketId));
    }
}
