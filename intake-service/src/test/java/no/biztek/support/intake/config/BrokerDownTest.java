package no.biztek.support.intake.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.intake.ticket.TicketApiTestBodies;

/** Kafka unreachable: writes answer 503 with Retry-After, never 500; readiness is down. */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "support.kafka.create-topics=false",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=1500",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "support.intake.acknowledgement-timeout=PT3S",
        "support.intake.lookup-timeout=PT1S",
        "spring.kafka.listener.auto-startup=false"})
class BrokerDownTest extends IntakeIntegrationTest {

    @Test
    void openingATicketIs503WithRetryAfter() {
        HttpResponse<String> response = api.post("/api/v1/tickets", TicketApiTestBodies.open(unique("INC"), 2), WRITER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void aLifecycleRequestThatCannotReadTheTicketIs503NotA404() {
        HttpResponse<String> response = api.post("/api/v1/tickets/" + UUID.randomUUID() + "/resolve", "{}", WRITER);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aCustomerThatCannotBeReadIs503NotA404() {
        HttpResponse<String> response = api.get("/api/v1/customers/" + unique("kunde"), READER);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void readinessIsDownAndLivenessUp() {
        assertThat(api.get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void clientMistakesAreStill400() {
        HttpResponse<String> response = api.post("/api/v1/tickets", "{}", WRITER);

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
