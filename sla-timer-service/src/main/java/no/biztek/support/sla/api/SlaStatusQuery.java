package no.biztek.support.sla.api;

import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import no.biztek.support.sla.clock.SlaClock;
import no.biztek.support.sla.clock.SlaTopology;
import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.sla.config.AdvertisedAddress;

/**
 * Finds a ticket's SLA status wherever its clock lives: in this instance's store when it owns the ticket's
 * partition (interactive query), otherwise by forwarding the GET ({@link OwnerForwarding}, with the service's
 * own credential) to the instance Kafka Streams names as the owner. A forwarded request is never forwarded again.
 */
@Component
class SlaStatusQuery {

    private final StreamsRunner runner;
    private final AdvertisedAddress address;
    private final SlaStatusMapper mapper;
    private final OwnerForwarding forwarding;

    SlaStatusQuery(StreamsRunner runner, AdvertisedAddress address, SlaStatusMapper mapper,
                   OwnerForwarding forwarding) {
        this.runner = runner;
        this.address = address;
        this.mapper = mapper;
        this.forwarding = forwarding;
    }

    Optional<SlaStatusResponse> find(String ticketId, boolean forwarded) {
        KafkaStreams streams = runner.streams();
        if (streams == null || !runner.isReady()) {
            throw new SlaUnavailableException("SLA clocks are not available yet (Kafka Streams " + runner.state() + ")",
                    null);
        }
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(SlaTopology.CLOCK_STORE, ticketId, Serdes.String().serializer());
        } catch (StreamsException | IllegalStateException e) {
            throw new SlaUnavailableException("SLA clocks are not available yet: " + e.getMessage(), e);
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) || owner.activeHost() == null) {
            throw new SlaUnavailableException("No instance owns the ticket's SLA clock yet (rebalancing)", null);
        }
        HostInfo self = address.self();
        if (self == null || self.equals(owner.activeHost())) {
            return readLocal(streams, ticketId, owner.partition());
        }
        if (forwarded) {
            throw new SlaUnavailableException("The ticket's SLA clock moved to another instance; retry", null);
        }
        return forwarding.ask(owner.activeHost(), ticketId);
    }

    private Optional<SlaStatusResponse> readLocal(KafkaStreams streams, String ticketId, int partition) {
        try {
            ReadOnlyKeyValueStore<String, SlaClock> store = streams.store(StoreQueryParameters
                    .fromNameAndType(SlaTopology.CLOCK_STORE, QueryableStoreTypes.<String, SlaClock>keyValueStore())
                    .withPartition(partition));
            return Optional.ofNullable(store.get(ticketId)).map(mapper::toResponse);
        } catch (InvalidStateStoreException e) {
            throw new SlaUnavailableException("The ticket's SLA clock is not readable right now (" + e.getMessage()
                    + "); retry", e);
        }
    }
}
