package no.biztek.support.sla.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.sla.clock.SlaClock;
import no.biztek.support.sla.clock.SlaTopology;
import no.biztek.support.sla.streams.SlaStreams;
import no.biztek.support.sla.streams.SlaStreamsProperties;

/**
 * Finds a ticket's SLA status wherever its clock lives: in this instance's store when it owns the ticket's
 * partition (interactive query), otherwise by forwarding the GET, with the caller's Authorization header,
 * to the instance Kafka Streams names as the owner. A forwarded request is never forwarded again.
 */
@Component
class SlaStatusQuery {

    static final String FORWARDED_HEADER = "X-Sla-Forwarded";
    private static final Logger log = LoggerFactory.getLogger(SlaStatusQuery.class);

    private final SlaStreams slaStreams;
    private final SlaStatusMapper mapper;
    private final JsonMapper json;
    private final SlaStreamsProperties properties;
    private final HttpClient http;

    SlaStatusQuery(SlaStreams slaStreams, SlaStatusMapper mapper, JsonMapper json, SlaStreamsProperties properties) {
        this.slaStreams = slaStreams;
        this.mapper = mapper;
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.forwardTimeout()).build();
    }

    Optional<SlaStatusResponse> find(String ticketId, String authorization, boolean forwarded) {
        KafkaStreams streams = slaStreams.streams();
        KafkaStreams.State state = slaStreams.state();
        if (streams == null || !(state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING)) {
            throw new SlaUnavailableException("SLA clocks are not available yet (Kafka Streams " + state + ")", null);
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
        HostInfo self = slaStreams.self();
        if (self == null || self.equals(owner.activeHost())) {
            return readLocal(streams, ticketId, owner.partition());
        }
        if (forwarded) {
            throw new SlaUnavailableException("The ticket's SLA clock moved to another instance; retry", null);
        }
        return forward(owner.activeHost(), ticketId, authorization);
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

    private Optional<SlaStatusResponse> forward(HostInfo owner, String ticketId, String authorization) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/api/v1/tickets/"
                + URLEncoder.encode(ticketId, StandardCharsets.UTF_8).replace("+", "%20") + "/sla");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.forwardTimeout())
                .header(FORWARDED_HEADER, "1").header(HttpHeaders.ACCEPT, "application/json").GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlaUnavailableException("Interrupted while asking the instance that owns the ticket", e);
        } catch (java.io.IOException e) {
            log.warn("Forwarding the SLA query for {} to {} failed: {}", ticketId, owner, e.toString());
            throw new SlaUnavailableException("The instance that owns the ticket (" + owner + ") did not answer", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            log.warn("Forwarded SLA query for {} to {} answered {}", ticketId, owner, response.statusCode());
            throw new SlaUnavailableException("The instance that owns the ticket (" + owner + ") answered "
                    + response.statusCode(), null);
        }
        try {
            return Optional.of(json.readValue(response.body(), SlaStatusResponse.class));
        } catch (JacksonException e) {
            throw new SlaUnavailableException("The instance that owns the ticket answered unreadably", e);
        }
    }
}
