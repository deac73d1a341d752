package no.biztek.support.httpapi.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import no.biztek.support.httpapi.HttpApiProperties;
import no.biztek.support.httpapi.security.TokenHash;

/**
 * An instance asks another one with the service's own credential, never a caller's token; the other instance is a
 * real HTTP server.
 */
@ExtendWith(OutputCaptureExtension.class)
class InstanceForwardingTest {

    private static final String TOKEN = "the-forwarding-token";

    private final List<Headers> received = new CopyOnWriteArrayList<>();
    private HttpServer other;

    @BeforeEach
    void startTheOtherInstance() throws IOException {
        other = answering(0);
    }

    @AfterEach
    void stopTheOtherInstance() {
        other.stop(0);
    }

    @Test
    void theOtherInstanceIsAskedWithTheForwardingCredentialAndTheMarkerAndItsAnswerReturnedAsItIs() {
        HttpResponse<byte[]> answer = forwarding(TOKEN).get("127.0.0.1", port(), "/api/v1/tickets/"
                + InstanceForwarding.segment("t 1/x") + "/sla");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("/api/v1/tickets/t%201%2Fx/sla");
        assertThat(received).singleElement().satisfies(headers -> {
            assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(headers.getFirst(InstanceForwarding.FORWARDED_HEADER)).isNotNull();
        });
    }

    @Test
    void withoutAForwardingCredentialNothingIsSent() {
        assertThatThrownBy(() -> forwarding(null).get("127.0.0.1", port(), "/api/v1/tickets/t-1/sla"))
                .isInstanceOf(InstanceUnavailableException.class)
                .hasMessageContaining("support.api.forwarding.token");
        assertThat(received).isEmpty();
    }

    @Test
    void startUpRefusesACredentialTheOtherInstancesWouldRefuse() {
        ForwardingProperties properties = new ForwardingProperties(TOKEN, null);
        HttpApiProperties otherToken = api(new HttpApiProperties.Token("reader", TokenHash.hexOf("another-token"),
                Set.of("read")));
        HttpApiProperties writeOnly = api(new HttpApiProperties.Token("instance-forwarding", TokenHash.hexOf(TOKEN),
                Set.of("escalations:write")));

        assertThatThrownBy(() -> new InstanceForwarding(properties, otherToken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("support.api.forwarding.token").hasMessageContaining(TokenHash.hexOf(TOKEN));
        assertThatThrownBy(() -> new InstanceForwarding(properties, writeOnly)).isInstanceOf(IllegalStateException.class);
        new InstanceForwarding(new ForwardingProperties(null, null), otherToken);
        assertThat(properties.toString()).doesNotContain(TOKEN);
    }

    @Test
    void anInstanceThatDoesNotAnswerIsLoggedOnceAndAgainWhenItAnswers(CapturedOutput output) throws IOException {
        InstanceForwarding forwarding = forwarding(TOKEN);
        int port = port();
        other.stop(0);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> forwarding.get("127.0.0.1", port, "/api/v1/tickets/t-1/sla"))
                    .isInstanceOf(InstanceUnavailableException.class).hasMessageContaining("did not answer");
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("does not answer forwarded queries")))
                .singleElement().asString().contains("WARN").contains("127.0.0.1:" + port);

        other = answering(port);
        assertThat(forwarding.get("127.0.0.1", port, "/api/v1/tickets/t-1/sla").statusCode()).isEqualTo(200);
        assertThat(forwarding.get("127.0.0.1", port, "/api/v1/tickets/t-1/sla").statusCode()).isEqualTo(200);
        assertThat(output.getOut().lines().filter(line -> line.contains("answers forwarded queries again")))
                .singleElement().asString().contains("127.0.0.1:" + port);
    }

    /** Answers 200 with the raw path it was asked for. */
    private HttpServer answering(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders());
            byte[] body = exchange.getRequestURI().getRawPath().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private int port() {
        return other.getAddress().getPort();
    }

    private static InstanceForwarding forwarding(String token) {
        HttpApiProperties api = api(new HttpApiProperties.Token("instance-forwarding", TokenHash.hexOf(TOKEN), Set.of("read")));
        return new InstanceForwarding(new ForwardingProperties(token, Duration.ofSeconds(2)), api);
    }

    private static HttpApiProperties api(HttpApiProperties.Token token) {
        return new HttpApiProperties(null, List.of(token), null);
    }
}
