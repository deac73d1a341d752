package no.biztek.support.notification.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

import com.sun.net.httpserver.HttpServer;

import no.biztek.support.httpapi.HttpApiProperties;
import no.biztek.support.httpapi.forward.ForwardingProperties;
import no.biztek.support.httpapi.forward.InstanceForwarding;

/**
 * The audit query with several instances: a real HTTP server plays the instance holding the ticket.
 */
class NotificationHistoryQueryTest {

    private static final HostInfo SELF = new HostInfo("127.0.0.1", 1);
    private static final String FORWARDING_TOKEN = "local-forwarding-token";
    private static final String FORWARDING_TOKEN_SHA256 = "309b0dc36918e2b6d9d73ad40242d00402da6f9df7268ada016552a53bf0cfa5";
    private static final String OWNER_ANSWER = "{\"ticketId\":\"t-1\",\"notifications\":[],"
            + "\"fieldOfANewerVersion\":{\"nested\":true}}";

    private final Map<String, String> ownerSaw = new ConcurrentHashMap<>();
    private HttpServer owner;
    private int ownerStatus = 200;
    private String ownerBody = OWNER_ANSWER;
    private String ownerContentType = "application/json";

    @BeforeEach
    void startOwner() throws IOException {
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.createContext("/", exchange -> {
            ownerSaw.put("path", exchange.getRequestURI().getRawPath());
            exchange.getRequestHeaders().forEach((name, values) -> ownerSaw.put(name.toLowerCase(), values.get(0)));
            byte[] body = ownerBody.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", ownerContentType);
            if (ownerStatus == 503) {
                exchange.getResponseHeaders().set("Retry-After", "7");
            }
            exchange.sendResponseHeaders(ownerStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        owner.start();
    }

    @AfterEach
    void stopOwner() {
        owner.stop(0);
    }

    private HostInfo ownerHost() {
        return new HostInfo("127.0.0.1", owner.getAddress().getPort());
    }

    /** A source whose local store must not be read unless {@code local} is given. */
    private static HistorySource source(KeyQueryMetadata metadata, NotificationHistory local) {
        return new HistorySource() {
            @Override
            public boolean queryable() {
                return true;
            }

            @Override
            public KeyQueryMetadata owner(String ticketId) {
                return metadata;
            }

            @Override
            public Optional<NotificationHistory> local(String ticketId) {
                if (local == null) {
                    throw new AssertionError("answered from the local store of an instance that does not hold " + ticketId);
                }
                return Optional.of(local);
            }
        };
    }

    private static KeyQueryMetadata heldBy(HostInfo host) {
        return new KeyQueryMetadata(host, Set.of(), 0);
    }

    private static NotificationHistoryQuery query(HistorySource source) {
        HttpApiProperties api = new HttpApiProperties(null, List.of(new HttpApiProperties.Token("instance-forwarding",
                FORWARDING_TOKEN_SHA256, Set.of("read"))), null);
        return new NotificationHistoryQuery(source, () -> SELF,
                new InstanceForwarding(new ForwardingProperties(FORWARDING_TOKEN, Duration.ofSeconds(2)), api));
    }

    @Test
    void whileNobodyHoldsTheTicketTheAnswerIs503WithRetryAfterNotTheLocalStore() {
        NotificationHistoryQuery query = query(source(KeyQueryMetadata.NOT_AVAILABLE, null));

        assertThatThrownBy(() -> query.find("t-1", false))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                    assertThat(e.getBody().getDetail()).contains("t-1");
                });
    }

    @Test
    void aTicketHeldElsewhereIsForwardedOnceWithTheServiceCredentialAndItsAnswerPassedThroughAsItIs() {
        ResponseEntity<?> answer = query(source(heldBy(ownerHost()), null)).find("t-1", false);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8)).isEqualTo(OWNER_ANSWER);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(ownerSaw).containsEntry("path", "/api/v1/tickets/t-1/notifications")
                .containsEntry("authorization", "Bearer " + FORWARDING_TOKEN)
                .containsKey(InstanceForwarding.FORWARDED_HEADER.toLowerCase());
    }

    @Test
    void theOwnersRefusalIsPassedThroughToo() {
        ownerStatus = 503;
        ownerContentType = "application/problem+json";
        ownerBody = "{\"status\":503,\"title\":\"Service Unavailable\",\"detail\":\"rebalancing\"}";

        ResponseEntity<?> answer = query(source(heldBy(ownerHost()), null)).find("t-1", false);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(new String((byte[]) answer.getBody(), StandardCharsets.UTF_8)).isEqualTo(ownerBody);
    }

    @Test
    void aForwardedQueryReachingAnInstanceThatDoesNotHoldTheTicketIs503AndNeverForwardedAgain() {
        NotificationHistoryQuery query = query(source(heldBy(ownerHost()), null));

        assertThatThrownBy(() -> query.find("t-1", true))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                });
        assertThat(ownerSaw).isEmpty();
    }

    @Test
    void theInstanceHoldingTheTicketAnswersFromItsStoreMarkerOrNot() {
        NotificationHistory history = NotificationHistory.empty().withPending(AuditEntry.pending("n-1", "c-1",
                "VENDOR_ESCALATION_OPENED", "e-1", Instant.parse("2025-03-03T07:00:00Z")));
        NotificationHistoryQuery query = query(source(heldBy(SELF), history));

        for (boolean forwarded : List.of(false, true)) {
            ResponseEntity<?> answer = query.find("t-1", forwarded);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(((TicketNotifications) answer.getBody()).notifications())
                    .extracting(AuditEntry::notificationId).containsExactly("n-1");
        }
        assertThat(ownerSaw).isEmpty();
    }
}
