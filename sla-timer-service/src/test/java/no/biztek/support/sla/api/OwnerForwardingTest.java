package no.biztek.support.sla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.httpapi.HttpApiProperties;
import no.biztek.support.httpapi.forward.ForwardingProperties;
import no.biztek.support.httpapi.forward.InstanceForwarding;

/**
 * A status query for a ticket another instance owns is answered from the owner's answer (http-api's
 * {@code InstanceForwarding} carries the service credential; its own test shows that). The owner is a real HTTP
 * server.
 */
class OwnerForwardingTest {

    private static final String TOKEN = "the-forwarding-token";
    private static final String TOKEN_SHA256 = "7b752297ac80ef3cbeeca807e83afb3926331b384638ceac5fd7588bc2bafd16";
    private static final String STATUS = """
            {"ticketId": "t-1", "customerId": "c-1", "severity": 2, "policyVersion": "v", "openedAt": "2026-03-02T08:00:00Z",
             "dueAt": "2026-03-02T12:00:00Z", "state": "RUNNING", "respondedAt": null, "businessMinutesElapsed": 5}""";

    private HttpServer owner;
    private int unknownTicketStatus = 404;

    @BeforeEach
    void startTheOwner() throws IOException {
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.createContext("/api/v1/tickets/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/api/v1/tickets/t-1/sla");
            byte[] body = (known ? STATUS : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : unknownTicketStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        owner.start();
    }

    @AfterEach
    void stopTheOwner() {
        owner.stop(0);
    }

    @Test
    void theOwnersAnswerIsTheStatus() {
        SlaStatusResponse status = forwarding(TOKEN).ask(ownerHost(), "t-1").orElseThrow();

        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(status.ticketId()).isEqualTo("t-1");
    }

    @Test
    void aTicketTheOwnerDoesNotKnowIsEmpty() {
        assertThat(forwarding(TOKEN).ask(ownerHost(), "t-unknown")).isEmpty();
    }

    @Test
    void anOwnerThatCannotAnswerNowOrCannotBeAskedIsUnavailable() {
        unknownTicketStatus = 503;
        assertThatThrownBy(() -> forwarding(TOKEN).ask(ownerHost(), "t-moving"))
                .isInstanceOf(SlaUnavailableException.class).hasMessageContaining("answered 503");
        assertThatThrownBy(() -> forwarding(null).ask(ownerHost(), "t-1"))
                .isInstanceOf(SlaUnavailableException.class).hasMessageContaining("support.api.forwarding.token");
    }

    private static OwnerForwarding forwarding(String token) {
        HttpApiProperties api = new HttpApiProperties(null, List.of(new HttpApiProperties.Token("instance-forwarding",
                TOKEN_SHA256, Set.of("read"))), null);
        return new OwnerForwarding(JsonMapper.builder().findAndAddModules().build(),
                new InstanceForwarding(new ForwardingProperties(token, Duration.ofSeconds(2)), api));
    }

    private HostInfo ownerHost() {
        return new HostInfo("127.0.0.1", owner.getAddress().getPort());
    }
}
