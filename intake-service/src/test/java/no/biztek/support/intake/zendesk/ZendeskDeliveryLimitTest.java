package no.biztek.support.intake.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import no.biztek.support.intake.ClockedIntakeTest;
import no.biztek.support.schemas.topic.Topics;

/** At its limit (3 here) of remembered deliveries, intake refuses more with 503 rather than forget a replayable one. */
class ZendeskDeliveryLimitTest extends ClockedIntakeTest {

    private final ZendeskSignature signer = new ZendeskSignature("test-signing-secret", Duration.ofMinutes(5),
            java.time.Clock.systemUTC());

    private HttpResponse<String> signedDelivery(String body) {
        String timestamp = now().truncatedTo(ChronoUnit.SECONDS).toString();
        String signature = Base64.getEncoder().encodeToString(
                signer.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)));
        return api.send(api.request("/api/v1/webhooks/zendesk", WRITER).header("Content-Type", "application/json")
                .header(ZendeskSignature.TIMESTAMP_HEADER, timestamp).header(ZendeskSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String created(String zendeskId) {
        return ZendeskWebhookTest.created(zendeskId, "normal");
    }

    @Test
    void atTheLimitNewDeliveriesAre503WithRetryAfterUntilTheOldestWindowEnds() {
        clock.advance(Duration.ofHours(1)); // away from what earlier tests of this context delivered
        for (int i = 0; i < 3; i++) {
            assertThat(signedDelivery(created(unique("zd"))).statusCode()).isEqualTo(202);
        }
        long before = count(Topics.TICKET_EVENTS.name());

        HttpResponse<String> fourth = signedDelivery(created(unique("zd")));

        assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(503);
        assertThat(fourth.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 301L));
        assertThat(fourth.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);

        clock.advance(Duration.ofMinutes(5).plusSeconds(2));
        assertThat(signedDelivery(created(unique("zd"))).statusCode()).as("room again").isEqualTo(202);
    }
}
