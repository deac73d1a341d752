package no.biztek.support.sla.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.sla.config.SlaStreamsProperties;

/**
 * Asks the instance that owns a ticket's clock for its SLA status. It authenticates with this service's own
 * forwarding credential ({@code support.sla.forwarding-token}), never with the caller's token: the owner's
 * address comes from Kafka Streams metadata, and a caller's token must not travel to whatever host that names.
 *
 * <p>An owner that does not answer (killed, until its partitions move) is logged once as a warning and again when
 * it answers: during the outage every query for its tickets fails to reach it, and most are answered from a standby
 * copy anyway.
 */
@Component
class OwnerForwarding {

    static final String FORWARDED_HEADER = "X-Sla-Forwarded";
    private static final Logger log = LoggerFactory.getLogger(OwnerForwarding.class);

    private final JsonMapper json;
    private final SlaStreamsProperties properties;
    private final HttpClient http;
    private final Set<HostInfo> unanswering = ConcurrentHashMap.newKeySet();

    OwnerForwarding(JsonMapper json, SlaStreamsProperties properties) {
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.forwardTimeout()).build();
    }

    Optional<SlaStatusResponse> ask(HostInfo owner, String ticketId) {
        if (properties.forwardingToken() == null) {
            throw new SlaUnavailableException("The ticket's SLA clock is kept by another instance (" + owner
                    + "), and this one has no forwarding credential (support.sla.forwarding-token)", null);
        }
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/api/v1/tickets/"
                + URLEncoder.encode(ticketId, StandardCharsets.UTF_8).replace("+", "%20") + "/sla");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.forwardTimeout())
                .header(FORWARDED_HEADER, "1").header(HttpHeaders.ACCEPT, "application/json")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.forwardingToken()).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlaUnavailableException("Interrupted while asking the instance that owns the ticket", e);
        } catch (IOException e) {
            if (unanswering.add(owner)) {
                log.warn("{} does not answer forwarded SLA queries ({}); logged again when it answers", owner,
                        e.toString());
            } else {
                log.debug("Forwarding the SLA query for {} to {} failed: {}", ticketId, owner, e.toString());
            }
            throw new SlaUnavailableException("The instance that owns the ticket (" + owner + ") did not answer", e);
        }
        if (unanswering.remove(owner)) {
            log.info("{} answers forwarded SLA queries again", owner);
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
