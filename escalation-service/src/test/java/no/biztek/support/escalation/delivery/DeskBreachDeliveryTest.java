package no.biztek.support.escalation.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.paging.BreachPaging;
import no.biztek.support.escalation.paging.TestPaging;
import no.biztek.support.policy.Metric;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * An SLA breach that pages nobody (by default every resolution breach) is told to the support desk's webhook (a real
 * HTTP server, WireMock), once per event, in each body format; a breach that pages is not. Paging as in
 * {@link TestPaging}: first-response breaches of severities 1 and 2 page.
 */
class DeskBreachDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Monday 2 March 2026, 09:00 in Oslo. */
    private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00Z");
    /** Tuesday 3 March 2026, 12:00 in Oslo. */
    private static final Instant DUE = Instant.parse("2026-03-03T11:00:00Z");
    private static final String TICKET = "ticket-1";
    private static final String CUSTOMER = "kunde-as";

    private final WireMockServer desk = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        desk.start();
        desk.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        desk.stop();
    }

    private DeskWarningListener listener(DeliveryProperties.Format format, BreachPaging breachPaging) {
        var webhookSettings = new DeliveryProperties.Webhook(null, format, Duration.ofSeconds(5));
        var retry = new DeliveryProperties.Retry(2, Duration.ofMillis(10), 1.0, Duration.ofMillis(10));
        var properties = new DeliveryProperties(webhookSettings,
                new DeliveryProperties.Mail(false, "oncall@biztek.example"), retry,
                new DeliveryProperties.Desk(URI.create(desk.baseUrl() + "/desk"), 75));
        return new DeskWarningListener(properties, breachPaging, OSLO, new WebhookChannel(webhookSettings, OSLO),
                DeliveryRetry.template(retry), registry);
    }

    private DeskWarningListener listener(DeliveryProperties.Format format) {
        return listener(format, TestPaging.properties().breachLevels());
    }

    private static SlaEvent breach(String metric, Severity severity) {
        SlaEvent event = TestEvents.breached(TICKET, CUSTOMER, severity, OPENED, DUE,
                Ids.eventId(TICKET, metric + "-breached-" + severity));
        event.setMetric(metric);
        event.setPlan("around-the-clock");
        return event;
    }

    private static ConsumerRecord<String, byte[]> record(SlaEvent event) {
        return new ConsumerRecord<>(Topics.SLA_EVENTS.name(), 0, 0L, event.getTicketId(),
                Topics.SLA_EVENTS.valueSerde().serializer().serialize(Topics.SLA_EVENTS.name(), event));
    }

    private List<LoggedRequest> posted() {
        return desk.findAll(postRequestedFor(urlPathEqualTo("/desk")));
    }

    @ParameterizedTest
    @EnumSource(DeliveryProperties.Format.class)
    void aResolutionBreachIsPostedToTheDeskOnceInTheWebhooksFormat(DeliveryProperties.Format format) {
        DeskWarningListener listener = listener(format);
        SlaEvent breach = breach("resolution", Severity.CRITICAL);

        listener.onRecord(record(breach));
        listener.onRecord(record(breach));

        LoggedRequest request = posted().get(0);
        assertThat(posted()).as("once per event id").hasSize(1);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(breach.getEventId());
        JsonNode body = JSON.readTree(request.getBodyAsString());
        String text = "SLA breach: the resolution deadline of ticket ticket-1 of customer kunde-as (severity CRITICAL)"
                + " passed at 3.3.2026 12:00.";
        switch (format) {
            case PLAIN -> {
                assertThat(JSON.convertValue(body, Map.class)).containsAllEntriesOf(Map.of(
                        "type", "SlaBreached", "eventId", breach.getEventId(), "ticketId", TICKET,
                        "customerId", CUSTOMER, "severity", "CRITICAL", "metric", "resolution",
                        "plan", "around-the-clock", "dueAt", DUE.toString(), "text", text));
            }
            case TEAMS -> {
                JsonNode card = body.get("attachments").get(0).get("content");
                assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
                assertThat(card.get("body").get(0).get("text").asString()).isEqualTo(text);
            }
            case SLACK -> {
                assertThat(body.get("text").asString()).isEqualTo(text);
                assertThat(body.get("blocks").get(0).get("text").get("text").asString()).isEqualTo(text);
            }
        }
    }

    @Test
    void aBreachThatPagesIsNotPostedAndOneThatPagesNobodyIs() {
        var breachPaging = new BreachPaging(Map.of(
                Metric.FIRST_RESPONSE, TestPaging.properties().breachPaging(),
                Metric.RESOLUTION, Map.of(no.biztek.support.policy.Severity.CRITICAL, 1)));
        DeskWarningListener listener = listener(DeliveryProperties.Format.PLAIN, breachPaging);

        listener.onRecord(record(breach("first-response", Severity.SERIOUS)));
        listener.onRecord(record(breach("resolution", Severity.CRITICAL)));
        listener.onRecord(record(breach("resolution", Severity.SERIOUS)));
        listener.onRecord(record(breach("first-response", Severity.LESS_SERIOUS)));

        assertThat(posted()).extracting(r -> JSON.readTree(r.getBodyAsString()).get("text").asString())
                .containsExactlyInAnyOrder(
                        "SLA breach: the resolution deadline of ticket ticket-1 of customer kunde-as "
                                + "(severity SERIOUS) passed at 3.3.2026 12:00.",
                        "SLA breach: the first-response deadline of ticket ticket-1 of customer kunde-as "
                                + "(severity LESS_SERIOUS) passed at 3.3.2026 12:00.");
    }

    @Test
    void aBreachTheDeskDoesNotTakeIsCountedNotThrown() {
        desk.resetAll();
        desk.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));

        listener(DeliveryProperties.Format.PLAIN).onRecord(record(breach("resolution", Severity.SERIOUS)));

        assertThat(posted()).as("tried as often as the retry policy says").hasSize(2);
        assertThat(registry.get("support.desk.breaches.failed").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("support.desk.warnings.failed").counter().count()).isZero();
    }
}
