package no.biztek.support.notification.audit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.notification.pipeline.NotificationStreams;
import no.biztek.support.notification.pipeline.StoreNames;

/**
 * Answers what a ticket's customer was told from the audit store. A ticket's history lives on the instance
 * that owns its partition; with several instances ({@code support.notification.application-server} set)
 * a query for another instance's ticket is forwarded to it once.
 */
class NotificationHistoryQuery {

    static final String FORWARDED_HEADER = "X-Support-Forwarded";
    private static final Duration STORE_WAIT = Duration.ofSeconds(5);

    private final NotificationStreams streams;
    private final HostInfo self;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    NotificationHistoryQuery(NotificationStreams streams, String applicationServer, JsonMapper json) {
        this.streams = streams;
        this.self = applicationServer == null ? null : HostInfo.buildFromEndpoint(applicationServer);
        this.json = json;
    }

    TicketNotifications find(String ticketId, String authorization, boolean forwarded) {
        if (!streams.isQueryable()) {
            throw unavailable("the notification pipeline is starting or rebalancing; try again shortly");
        }
        if (self != null && !forwarded) {
            KeyQueryMetadata owner = streams.metadataFor(StoreNames.HISTORY, ticketId);
            if (owner != KeyQueryMetadata.NOT_AVAILABLE && !owner.activeHost().equals(self)) {
                return forward(owner.activeHost(), ticketId, authorization);
            }
        }
        try {
            ReadOnlyKeyValueStore<String, NotificationHistory> store = streams.store(StoreNames.HISTORY,
                    QueryableStoreTypes.keyValueStore(), STORE_WAIT);
            NotificationHistory history = store.get(ticketId);
            return new TicketNotifications(ticketId, history == null ? List.of() : history.entries());
        } catch (InvalidStateStoreException e) {
            throw unavailable("the audit store is not available: " + e.getMessage());
        }
    }

    private TicketNotifications forward(HostInfo owner, String ticketId, String authorization) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/api/v1/tickets/"
                + URLEncoder.encode(ticketId, StandardCharsets.UTF_8) + "/notifications");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                .header(FORWARDED_HEADER, "true").header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw unavailable("the instance holding ticket " + ticketId + " answered " + response.statusCode());
            }
            return json.readValue(response.body(), TicketNotifications.class);
        } catch (IOException e) {
            throw unavailable("the instance holding ticket " + ticketId + " cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private static ErrorResponseException unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Service Unavailable");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    }
}
