package no.biztek.support.notification.audit;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

import no.biztek.support.httpapi.forward.InstanceForwarding;
import no.biztek.support.httpapi.forward.InstanceUnavailableException;

/**
 * Answers what a ticket's customer was told from the audit store. A ticket's history lives on the instance
 * that owns its partition; once this instance knows its own address (kafka-platform's {@code AdvertisedAddress}:
 * its HTTP server started):
 * <ul>
 *   <li>this instance answers only for tickets it owns (never from its store for a ticket held elsewhere, which
 *       would wrongly answer an empty list);</li>
 *   <li>a query for another instance's ticket is forwarded to it once, through http-api's
 *       {@link InstanceForwarding} (this service's own credential, never the caller's token), and its answer
 *       (status, content type, body) is passed through as it is, not parsed again;</li>
 *   <li>a forwarded query (marker header) that reaches an instance which does not own the ticket (it moved) is
 *       answered 503, never forwarded again. Whoever sets the header can therefore only get a 503 instead of a
 *       forward: the header needs no secret, the owner is always decided by comparing host infos;</li>
 *   <li>while nobody owns the ticket (starting, rebalancing: metadata NOT_AVAILABLE) the answer is 503 with
 *       Retry-After.</li>
 * </ul>
 */
class NotificationHistoryQuery {

    static final String RETRY_AFTER_SECONDS = "1";

    private final HistorySource source;
    private final Supplier<HostInfo> self;
    private final InstanceForwarding forwarding;

    /** @param self this instance as the others reach it, or null while it has no HTTP port (answers locally) */
    NotificationHistoryQuery(HistorySource source, Supplier<HostInfo> self, InstanceForwarding forwarding) {
        this.source = source;
        this.self = self;
        this.forwarding = forwarding;
    }

    ResponseEntity<?> find(String ticketId, boolean forwarded) {
        if (!source.queryable()) {
            throw unavailable("the notification pipeline is starting or rebalancing; try again shortly");
        }
        HostInfo me = self.get();
        if (me != null) {
            KeyQueryMetadata owner;
            try {
                owner = source.owner(ticketId);
            } catch (RuntimeException e) {
                throw unavailable("the owner of ticket " + ticketId + " is not known yet: " + e.getMessage());
            }
            if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) || owner.activeHost() == null) {
                throw unavailable("no instance holds ticket " + ticketId + " right now (starting or rebalancing)");
            }
            if (!owner.activeHost().equals(me)) {
                if (forwarded) {
                    throw unavailable("ticket " + ticketId + " is held by another instance (it moved); try again");
                }
                return forward(owner.activeHost(), ticketId);
            }
        }
        try {
            NotificationHistory history = source.local(ticketId).orElse(null);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new TicketNotifications(ticketId, history == null ? List.of() : history.entries()));
        } catch (InvalidStateStoreException e) {
            throw unavailable("the audit store is not available: " + e.getMessage());
        }
    }

    private ResponseEntity<byte[]> forward(HostInfo owner, String ticketId) {
        HttpResponse<byte[]> response;
        try {
            response = forwarding.get(owner.host(), owner.port(),
                    "/api/v1/tickets/" + InstanceForwarding.segment(ticketId) + "/notifications");
        } catch (InstanceUnavailableException e) {
            throw unavailable("ticket " + ticketId + " is held by another instance that cannot be asked now: "
                    + e.getMessage());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.statusCode());
        response.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> answer.header(
                HttpHeaders.CONTENT_TYPE, type));
        response.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(after -> answer.header(
                HttpHeaders.RETRY_AFTER, after));
        return answer.body(response.body());
    }

    private static ErrorResponseException unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Service Unavailable");
        ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return unavailable;
    }
}
