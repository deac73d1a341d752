package no.biztek.support.sla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.httpapi.HttpApiProperties;
import no.biztek.support.sla.config.SlaStreamsProperties;

/**
 * A status query for a ticket another instance owns is forwarded with the service's own credential: the
 * caller's token never travels to the host Kafka Streams metadata names. The owner is a real HTTP server.
 */
@ExtendWith(OutputCaptureExtension.class)
class OwnerForwardingTest {

    private static final String STATUS = """
            {"ticketId": "t-1", "customerId": "c-1", "severity": 2, "policyVersion": "v", "openedAt": "2026-03-02T08:00:00Z",
             "dueAt": "2026-03-02T12:00:00Z", "state": "RUNNING", "respondedAt": null, "businessMinutesElapsed": 5}""";

    private final List<Headers> received = new CopyOnWriteArrayList<>();
    private HttpServer owner;

    @BeforeEach
    void startTheOwner() throws IOException {
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.createContext("/api/v1/tickets/", exchange -> {
            received.add(exchange.getRequestHeaders());
            boolean known = exchange.getRequestURI().getPath().equals("/api/v1/tickets/t-1/sla");
            byte[] body = (known ? STATUS : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
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
    void theOwnerIsAskedWithTheForwardingCredentialAndMarkedAsForwarded() {
        OwnerForwarding forwarding = forwarding("the-forwarding-token");

        SlaStatusResponse status = forwarding.ask(ownerHost(), "t-1").orElseThrow();

        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(received).singleElement().satisfies(headers -> {
            assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer the-forwarding-token");
            assertThat(headers.getFirst(OwnerForwarding.FORWARDED_HEADER)).isEqualTo("1");
        });
    }

    @Test
    void anOwnerThatDoesNotAnswerIsLoggedOnceAndAgainWhenItAnswers(CapturedOutput output) throws IOException {
        OwnerForwarding forwarding = forwarding("the-forwarding-token");
        HostInfo host = ownerHost();
        owner.stop(0);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> forwarding.ask(host, "t-1")).isInstanceOf(SlaUnavailableException.class)
                    .hasMessageContaining("did not answer");
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("does not answer forwarded SLA queries")))
                .singleElement().asString().contains("WARN").contains(host.toString());

        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", host.port()), 0);
        owner.createContext("/api/v1/tickets/", exchange -> {
            byte[] body = STATUS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        owner.start();

        assertThat(forwarding.ask(host, "t-1")).isPresent();
        assertThat(forwarding.ask(host, "t-1")).isPresent();
        assertThat(output.getOut().lines().filter(line -> line.contains("answers forwarded SLA queries again")))
                .singleElement().asString().contains(host.toString());
    }

    @Test
    void aTicketTheOwnerDoesNotKnowIsEmpty() {
        assertThat(forwarding("the-forwarding-token").ask(ownerHost(), "t-unknown")).isEmpty();
    }

    @Test
    void withoutAForwardingCredentialNothingIsSentAndTheAnswerIs503() {
        assertThatThrownBy(() -> forwarding(null).ask(ownerHost(), "t-1"))
                .isInstanceOf(SlaUnavailableException.class)
                .hasMessageContaining("support.sla.forwarding-token");
        assertThat(received).isEmpty();
    }

    @Test
    void startUpRefusesACredentialTheOtherInstancesWouldRefuse() {
        String hash = "7d9c5e3f0ec4c7b6c51f0e3b3c0f1bf0a6b0b5bd5bfb3a2f6b0c2a1f0e9d8c7b";
        HttpApiProperties otherToken = api(new HttpApiProperties.Token("reader", hash, Set.of("read")));
        HttpApiProperties writeOnly = api(new HttpApiProperties.Token("sla-forwarding", sha256("the-forwarding-token"),
                Set.of("escalations:write")));
        HttpApiProperties readable = api(new HttpApiProperties.Token("sla-forwarding", sha256("the-forwarding-token"),
                Set.of("read")));

        assertThatThrownBy(() -> new ForwardingCredentialCheck(properties("the-forwarding-token"), otherToken)
                .afterPropertiesSet()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("support.sla.forwarding-token").hasMessageContaining(sha256("the-forwarding-token"));
        assertThatThrownBy(() -> new ForwardingCredentialCheck(properties("the-forwarding-token"), writeOnly)
                .afterPropertiesSet()).isInstanceOf(IllegalStateException.class);
        new ForwardingCredentialCheck(properties("the-forwarding-token"), readable).afterPropertiesSet();
        new ForwardingCredentialCheck(properties(null), otherToken).afterPropertiesSet();
        assertThat(properties("the-forwarding-token").toString()).doesNotContain("the-forwarding-token");
    }

    private OwnerForwarding forwarding(String token) {
        return new OwnerForwarding(JsonMapper.builder().findAndAddModules().build(), properties(token));
    }

    private HostInfo ownerHost() {
        return new HostInfo("127.0.0.1", owner.getAddress().getPort());
    }

    private static SlaStreamsProperties properties(String forwardingToken) {
        return new SlaStreamsProperties(null, null, null, null, Duration.ofSeconds(2), null,
                forwardingToken);
    }

    private static HttpApiProperties api(HttpApiProperties.Token token) {
        return new HttpApiProperties(null, List.of(token), null);
    }

    private static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
