package no.biztek.support.notification.customer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.notification.stage.StoreNames;
import no.biztek.support.schemas.topic.Topics;

/**
 * The customer directory: a global store over the compacted customers topic, so that every instance holds
 * every customer and the ticket-partitioned stage can look up any customer without a co-partitioned join
 * (nothing assumes that the customers topic and any other topic have the same partition count).
 * A tombstone removes a customer. Invalid records are skipped here (and dead-lettered by
 * {@link CustomerDirectoryCheck}); records are read through this processor on restore as well.
 */
public final class CustomerDirectory {

    private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);

    private CustomerDirectory() {
    }

    public static void addTo(Topology topology) {
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CUSTOMER_DIRECTORY),
                        Serdes.String(), JsonSerde.of(CustomerView.class)).withLoggingDisabled(),
                "customers-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.CUSTOMERS.name(), "customer-directory", DirectoryUpdater::new);
    }

    /** Keeps the global store equal to the valid entries of the topic; never fails (a failure stops the client). */
    private static final class DirectoryUpdater implements Processor<String, byte[], Void, Void> {

        private KeyValueStore<String, CustomerView> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(StoreNames.CUSTOMER_DIRECTORY);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            CustomerView customer;
            try {
                customer = CustomerRecords.read(record.key(), record.value());
            } catch (RuntimeException e) {
                log.warn("Skipping an invalid customer record (key {}): {}", record.key(), e.getMessage());
                return;
            }
            if (customer == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), customer);
            }
        }
    }
}
