package no.biztek.support.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.notification.stage.StoreNames;
import no.biztek.support.schemas.topic.Topic;

/**
 * The sent view: a global store of every notification whose mail was accepted, read from the compacted
 * internal "sent" topic, so every instance can check any notification before sending it. The topic deletes
 * markers older than the dedup retention; the store forgets them likewise (hourly, as markers arrive).
 */
public final class SentStage {

    private static final Logger log = LoggerFactory.getLogger(SentStage.class);
    private SentStage() {
    }

    public static void addTo(Topology topology, InternalTopics topics, PipelineSettings settings) {
        Topic<String, SentMarker> sent = topics.sent();
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SENT), sent.keySerde(),
                        sent.valueSerde()).withLoggingDisabled(),
                "sent-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), sent.name(),
                "sent-view", () -> new SentViewUpdater(sent, settings));
    }

    /** Keeps the global store equal to the topic; the service is the topic's only writer. */
    private static final class SentViewUpdater implements Processor<String, byte[], Void, Void> {

        private final Topic<String, SentMarker> topic;
        private final PipelineSettings settings;
        private KeyValueStore<String, SentMarker> store;
        private Instant lastPurge = Instant.EPOCH;

        SentViewUpdater(Topic<String, SentMarker> topic, PipelineSettings settings) {
            this.topic = topic;
            this.settings = settings;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(StoreNames.SENT);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
                return;
            }
            try {
                store.put(record.key(), topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
            } catch (RuntimeException e) {
                log.error("Skipping undecodable sent marker {}: {}", record.key(), e.getMessage());
            }
            purgeExpired();
        }

        private void purgeExpired() {
            Instant now = settings.clock().instant();
            if (now.isBefore(lastPurge.plusSeconds(3600))) {
                return;
            }
            lastPurge = now;
            Instant oldest = now.minus(settings.dedupRetention());
            List<String> expired = new ArrayList<>();
            try (KeyValueIterator<String, SentMarker> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, SentMarker> marker = it.next();
                    if (marker.value.sentAt().isBefore(oldest)) {
                        expired.add(marker.key);
                    }
                }
            } catch (RuntimeException e) {
                log.error("Cannot look for expired sent markers: {}", e.getMessage());
                return;
            }
            expired.forEach(store::delete);
        }
    }
}
