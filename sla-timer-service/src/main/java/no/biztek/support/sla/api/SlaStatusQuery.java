package no.biztek.support.sla.api;

import java.time.Duration;
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
import no.biztek.support.sla.config.SlaStreamsProperties;
import no.biztek.support.kafka.streams.AdvertisedAddress;
import no.biztek.support.kafka.streams.StreamsRunner;

/**
 * Finds a ticket's SLA status wherever its clock lives: in this instance's store when it owns the ticket's
 * partition (interactive query), otherwise by forwarding the GET ({@link OwnerForwarding}, with the service's
 * own credential) to the instance Kafka Streams names as the owner. A forwarded request is never forwarded again.
 * While the owner does not answer (it was killed and its partitions have not moved yet) an instance that keeps a
 * standby copy of the partition ({@code num.standby.replicas}) answers from that copy, which trails the owner by
 * at most a commit. Asking works as soon as the instance has joined the group, also while it is still restoring
 * its own partitions: it forwards. While a rebalance closes and reopens the stores, a query keeps trying for up to
 * {@code support.sla.status-wait} before it answers 503 (a forwarded query tries once: its sender keeps trying).
 */
@Component
class SlaStatusQuery {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final StreamsRunner runner;
    private final AdvertisedAddress address;
    private final SlaStatusMapper mapper;
    private final OwnerForwarding forwarding;
    private final Duration statusWait;

    SlaStatusQuery(StreamsRunner runner, AdvertisedAddress address, SlaStatusMapper mapper,
                   OwnerForwarding forwarding, SlaStreamsProperties properties) {
        this.runner = runner;
        this.address = address;
        this.mapper = mapper;
        this.forwarding = forwarding;
        this.statusWait = properties.statusWait();
    }

    Optional<SlaStatusResponse> find(String ticketId, boolean forwarded) {
        long giveUp = System.nanoTime() + (forwarded ? 0 : statusWait.toNanos());
        while (true) {
            try {
                return findOnce(ticketId, forwarded);
            } catch (SlaUnavailableException moving) {
                // an instance that has never run (Kafka away, first start) has nothing moving to wait for
                if (!runner.isReady() || System.nanoTime() + RETRY_PAUSE.toNanos() > giveUp) {
                    throw moving;
                }
                pause(moving);
            }
        }
    }

    private static void pause(SlaUnavailableException moving) {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw moving;
        }
    }

    private Optional<SlaStatusResponse> findOnce(String ticketId, boolean forwarded) {
        KafkaStreams streams = runner.streams();
        if (streams == null || !streams.state().isRunningOrRebalancing()) {
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
        try {
            return forwarding.ask(owner.activeHost(), ticketId);
        } catch (SlaUnavailableException ownerAway) {
            if (owner.standbyHosts().contains(self)) {
                return readCopy(streams, ticketId, owner.partition(), ownerAway);
            }
            throw ownerAway;
        }
    }

    private Optional<SlaStatusResponse> readLocal(KafkaStreams streams, String ticketId, int partition) {
        try {
            return Optional.ofNullable(streams.store(query(partition)).get(ticketId)).map(mapper::toResponse);
        } catch (InvalidStateStoreException notQueryable) {
            // a standby just promoted catches up the last commits before it is queryable again
            return readCopy(streams, ticketId, partition, notQueryable);
        }
    }

    /**
     * The clock as a copy that may trail the owner (a standby, or a store catching up). A clock found there is
     * answered; a miss is not a 404, since the copy may not have the ticket yet.
     */
    private Optional<SlaStatusResponse> readCopy(KafkaStreams streams, String ticketId, int partition,
                                                 RuntimeException why) {
        SlaClock clock;
        try {
            clock = streams.store(query(partition).enableStaleStores()).get(ticketId);
        } catch (InvalidStateStoreException e) {
            throw new SlaUnavailableException("The ticket's SLA clock is not readable right now (" + e.getMessage()
                    + "); retry", e);
        }
        if (clock == null) {
            throw new SlaUnavailableException("The ticket's SLA clock is moving between instances; retry", why);
        }
        return Optional.of(mapper.toResponse(clock));
    }

    private static StoreQueryParameters<ReadOnlyKeyValueStore<String, SlaClock>> query(int partition) {
        return StoreQueryParameters.fromNameAndType(SlaTopology.CLOCK_STORE,
                QueryableStoreTypes.<String, SlaClock>keyValueStore()).withPartition(partition);
    }
}
