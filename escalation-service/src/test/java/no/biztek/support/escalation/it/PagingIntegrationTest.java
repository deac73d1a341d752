package no.biztek.support.escalation.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static no.biztek.support.escalation.TestEvents.ticketOpened;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;

import tools.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.escalation.paging.PageEvents;
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.escalation.paging.InternalTopics;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.escalation.ReEscalationReason;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topics;

/** On-call paging end to end: Kafka in, webhook and e-mail out, acknowledgement links and API, restarts. */
class PagingIntegrationTest extends EscalationIntegrationTest {

    private static final Pattern ACK_LINK = Pattern.compile("/ack/([A-Za-z0-9_.-]+)");

    @Autowired
    TopicFollower<PageState> pageStateFollower;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ConcurrentKafkaListenerContainerFactory<String, byte[]> deliveryContainerFactory;

    private final String ticket = TestEvents.newId();
    private final String customer = unique("kunde");

    private String openCriticalTicket() {
        publish(Topics.TICKET_EVENTS, ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        ConsumerRecord<String, EscalationEvent> paged = awaitRecord(Topics.ESCALATION_EVENTS,
                r -> r.key().equals(ticket) && r.value().getPayload() instanceof OnCallPaged);
        return ((OnCallPaged) paged.value().getPayload()).getPageId();
    }

    private List<LoggedRequest> webhookCalls(String person, String pageId) {
        return WEBHOOKS.findAll(postRequestedFor(urlPathEqualTo("/hooks/" + person))
                .withRequestBody(matchingJsonPath("$.pageId", equalTo(pageId))));
    }

    private LoggedRequest awaitWebhook(String person, String pageId, int level) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> webhookCalls(person, pageId).stream()
                .filter(r -> JSON.readTree(r.getBodyAsString()).path("level").asInt() == level).findFirst(),
                java.util.Optional::isPresent).get();
    }

    private MimeMessage awaitMail(String to, String ticketId) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays
                .stream(mail.getReceivedMessages()).filter(m -> GreenMailUtil.getBody(m).contains(ticketId)
                        && recipient(m).equals(to)).findFirst(), java.util.Optional::isPresent).get();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PageReEscalated> reEscalations(String pageId) {
        return readAll(Topics.ESCALATION_EVENTS).stream().map(ConsumerRecord::value)
                .filter(e -> e.getPayload() instanceof PageReEscalated moved && moved.getPageId().equals(pageId))
                .map(e -> (PageReEscalated) e.getPayload()).toList();
    }

    private void resolveTicket() {
        publish(Topics.TICKET_EVENTS, ticket, TestEvents.resolved(ticket, customer, CLOCK.instant()));
    }

    @Test
    void aSeverityOneTicketAtTwoInTheNightPagesTheEngineerOnCallByWebhookAndMail() throws Exception {
        var directoryEntry = TestEvents.customer(customer, null);
        directoryEntry.setName("Nordic Shipping AS");
        directoryEntry.setPhone("+47 22 00 00 00");
        publish(Topics.CUSTOMERS, customer, directoryEntry);
        Instant due = NIGHT.plus(Duration.ofHours(1));
        publish(Topics.SLA_EVENTS, ticket, TestEvents.warning(ticket, customer, Severity.CRITICAL, 50, NIGHT, due));
        String pageId = openCriticalTicket();

        LoggedRequest hook = awaitWebhook("nora", pageId, 1);
        JsonNode body = JSON.readTree(hook.getBodyAsString());
        assertThat(body.get("ticketId").asString()).isEqualTo(ticket);
        assertThat(body.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(body.get("cause").asString()).isEqualTo("CRITICAL_TICKET_OPENED");
        assertThat(body.get("paged").get("email").asString()).isEqualTo("nora@biztek.example");
        assertThat(body.get("acknowledgeUrl").asString()).startsWith("http://localhost:8083/ack/");
        assertThat(body.get("ticket").get("title").asString()).isEqualTo("E-mail is down");
        assertThat(body.get("customer").get("phone").asString()).isEqualTo("+47 22 00 00 00");
        MimeMessage message = awaitMail("nora@biztek.example", ticket);
        assertThat(message.getSubject()).isEqualTo("[Severity 1 – Critical] Critical ticket opened: E-mail is down – "
                + "Nordic Shipping AS");
        assertThat(message.getContent().toString()).contains("/ack/")
                .containsPattern("Description: +Nobody can send e-mail\\R")
                .containsPattern("Customer: +Nordic Shipping AS\\R")
                .containsPattern("Customer phone: +\\+47 22 00 00 00\\R")
                .containsPattern("Source: +portal INC-" + ticket + "\\R")
                .containsPattern("Opened: +02:00, Tue 3 Mar 2026\\R")
                .containsPattern("First response due: +03:00, Tue 3 Mar 2026\\R")
                .contains("Open in portal: https://portal.biztek.example/tickets/INC-" + ticket + "\r\n");

        resolveTicket();
    }

    @Test
    void noAcknowledgementPagesTheNextLevelAfterTheTimeoutAndTheLinkStopsIt() {
        String pageId = openCriticalTicket();
        awaitWebhook("nora", pageId, 1);

        CLOCK.advance(Duration.ofMinutes(15));
        LoggedRequest secondary = awaitWebhook("kari", pageId, 2);
        assertThat(reEscalations(pageId)).singleElement().satisfies(moved -> {
            assertThat(moved.getReason()).isEqualTo(ReEscalationReason.ACKNOWLEDGEMENT_TIMEOUT);
            assertThat(moved.getPaged().getEmail()).isEqualTo("kari@biztek.example");
        });

        Matcher link = ACK_LINK.matcher(JSON.readTree(secondary.getBodyAsString()).get("acknowledgeUrl").asString());
        assertThat(link.find()).isTrue();
        String path = "/ack/" + link.group(1);
        var confirm = api.get(path, null);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("<form method=\"post\"").contains(ticket);
        assertThat(readAll(Topics.ESCALATION_EVENTS).stream()
                .noneMatch(r -> r.value().getPayload() instanceof PageAcknowledged ack && ack.getPageId().equals(pageId)))
                .as("showing the link changes nothing").isTrue();

        var acknowledged = api.send(api.request(path, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(acknowledged.body()).contains("Acknowledged");
        PageAcknowledged ack = (PageAcknowledged) awaitRecord(Topics.ESCALATION_EVENTS, r -> r.key().equals(ticket)
                && r.value().getPayload() instanceof PageAcknowledged a && a.getPageId().equals(pageId)).value().getPayload();
        assertThat(ack.getVia()).isEqualTo(AcknowledgementChannel.LINK);
        assertThat(ack.getAcknowledgedBy()).isEqualTo("kari@biztek.example");
        assertThat(ack.getLevel()).isEqualTo(2);

        var reused = api.send(api.request(path, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("already acknowledged");

        CLOCK.advance(Duration.ofMinutes(20));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> reEscalations(pageId).size() == 1);
        assertThat(webhookCalls("dina", pageId)).isEmpty();
    }

    @Test
    void aForgedOrAlteredLinkIsRefused() {
        String pageId = openCriticalTicket();
        LoggedRequest hook = awaitWebhook("nora", pageId, 1);
        String url = JSON.readTree(hook.getBodyAsString()).get("acknowledgeUrl").asString();
        String token = url.substring(url.indexOf("/ack/") + 5);
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

        assertThat(api.get("/ack/" + altered, null).statusCode()).isEqualTo(403);
        assertThat(api.send(api.request("/ack/not-a-token", null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(403);
        assertThat(readAll(Topics.ESCALATION_EVENTS).stream()
                .noneMatch(r -> r.value().getPayload() instanceof PageAcknowledged a && a.getPageId().equals(pageId)))
                .isTrue();
        resolveTicket();
    }

    @Test
    void anExpiredLinkIsRefused() {
        String pageId = openCriticalTicket();
        LoggedRequest hook = awaitWebhook("nora", pageId, 1);
        String url = JSON.readTree(hook.getBodyAsString()).get("acknowledgeUrl").asString();
        String path = url.substring(url.indexOf("/ack/"));

        CLOCK.advance(Duration.ofHours(25));
        var expired = api.send(api.request(path, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        resolveTicket();
    }

    @Test
    void theApiListsOpenPagesAndAcknowledgesOnceWithTheRightScope() {
        double pagedBefore = metric("support_oncall_pages_total", "level=\"1\"");
        double acknowledgedBefore = metric("support_oncall_time_to_acknowledge_seconds_count", "level=\"1\"");
        String pageId = openCriticalTicket();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/pages?state=open", READER).body()
                .contains(pageId));
        String ackBody = "{\"acknowledgedBy\": \"Nora Berg\"}";

        assertThat(api.post("/api/v1/pages/" + pageId + "/acknowledge", ackBody, null).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/pages/" + pageId + "/acknowledge", ackBody, READER).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/pages/" + pageId + "/acknowledge", "{}", WRITER).statusCode()).isEqualTo(400);
        assertThat(readAll(Topics.ESCALATION_EVENTS).stream()
                .noneMatch(r -> r.value().getPayload() instanceof PageAcknowledged a && a.getPageId().equals(pageId)))
                .as("nothing recorded for refused requests").isTrue();

        var acknowledged = api.post("/api/v1/pages/" + pageId + "/acknowledge", ackBody, WRITER);
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(json(acknowledged).get("acknowledgedBy").asString()).isEqualTo("Nora Berg");
        assertThat(json(acknowledged).get("acknowledgedByToken").asString()).as("the Bearer token's name")
                .isEqualTo("desk");
        var again = api.post("/api/v1/pages/" + pageId + "/acknowledge", ackBody, WRITER);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asString()).contains("acknowledged by Nora Berg (API token desk)");
        assertThat(api.post("/api/v1/pages/" + TestEvents.newId() + "/acknowledge", ackBody, WRITER).statusCode())
                .isEqualTo(404);

        assertThat(api.get("/api/v1/pages?state=open", READER).body()).doesNotContain(pageId);
        JsonNode page = json(api.get("/api/v1/pages/" + pageId, READER));
        assertThat(page.get("state").asString()).isEqualTo("acknowledged");
        assertThat(page.get("acknowledgedVia").asString()).isEqualTo("API");
        assertThat(page.get("acknowledgedByToken").asString()).isEqualTo("desk");
        assertThat(api.get("/api/v1/pages?state=sideways", READER).statusCode()).isEqualTo(400);

        assertThat(metric("support_oncall_pages_total", "level=\"1\"")).isGreaterThanOrEqualTo(pagedBefore + 1);
        assertThat(metric("support_oncall_time_to_acknowledge_seconds_count", "level=\"1\""))
                .as("the acknowledgement was timed").isGreaterThanOrEqualTo(acknowledgedBefore + 1);
        assertThat(api.get("/actuator/prometheus", null).body())
                .contains("support_oncall_time_to_acknowledge_seconds_bucket{level=\"1\"");
    }

    @Test
    void everyPageListIsPaginatedWithALimitAndACursor() {
        String first = openCriticalTicket();
        String otherTicket = TestEvents.newId();
        publish(Topics.TICKET_EVENTS, otherTicket, ticketOpened(otherTicket, customer, Severity.CRITICAL, NIGHT));
        String second = ((OnCallPaged) awaitRecord(Topics.ESCALATION_EVENTS, r -> r.key().equals(otherTicket)
                && r.value().getPayload() instanceof OnCallPaged).value().getPayload()).getPageId();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/pages?state=all&limit=500", READER)
                .body().contains(second));

        List<String> seen = idsAcrossPages("/api/v1/pages?state=all", "pages", "pageId", 3);
        assertThat(seen).doesNotHaveDuplicates().contains(first, second);
        JsonNode open = json(api.get("/api/v1/pages?state=open&limit=500", READER));
        assertThat(open.get("nextCursor").isNull()).isTrue();

        for (String bad : List.of("limit=0", "limit=501", "limit=many", "cursor=bm9wZQ")) {
            var refused = api.get("/api/v1/pages?state=all&" + bad, READER);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(errors(refused)).containsKey(bad.substring(0, bad.indexOf('=')));
        }
        resolveTicket();
        publish(Topics.TICKET_EVENTS, otherTicket, TestEvents.resolved(otherTicket, customer, CLOCK.instant()));
    }

    @Test
    void aRestartMidEscalationKeepsTheTimer() {
        String pageId = openCriticalTicket();
        awaitWebhook("nora", pageId, 1);

        restartStreamsFromChangelogs();
        CLOCK.advance(Duration.ofMinutes(15));

        awaitWebhook("kari", pageId, 2);
        assertThat(reEscalations(pageId)).singleElement()
                .satisfies(moved -> assertThat(moved.getLevel()).isEqualTo(2));
        resolveTicket();
    }

    @Test
    void aWebhookThatIsDownIsRetriedAndTheMailStillGoesOut() {
        WEBHOOKS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/hooks/nora")).willReturn(aResponse().withStatus(503)));
        String pageId = openCriticalTicket();

        awaitMail("nora@biztek.example", ticket);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> webhookCalls("nora", pageId).size() == 3);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> reEscalations(pageId).isEmpty());
        resolveTicket();
    }

    @Test
    void aPageNoChannelCanDeliverIsDeadLetteredAndMovesToTheNextLevel() {
        WEBHOOKS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/hooks/nora")).willReturn(aResponse().withStatus(500)));
        double failuresBefore = metric("support_oncall_delivery_failures_total", null);
        double deadLettersBefore = metric("support_dead_letters_total",
                "topic=\"" + Topics.ESCALATION_EVENTS.name() + "\"");
        mail.stop();
        try {
            String pageId = openCriticalTicket();

            PageReEscalated moved = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> reEscalations(pageId), list -> !list.isEmpty()).get(0);
            assertThat(moved.getReason()).isEqualTo(ReEscalationReason.DELIVERY_FAILED);
            assertThat(moved.getLevel()).isEqualTo(2);
            awaitWebhook("kari", pageId, 2);
            assertThat(webhookCalls("nora", pageId)).hasSize(3);

            ConsumerRecord<String, byte[]> dead = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> readRaw(Topics.ESCALATION_EVENTS.deadLetterTopicName()).stream()
                            .filter(r -> ticket.equals(r.key())).findFirst(), java.util.Optional::isPresent).get();
            EscalationEvent original = Topics.ESCALATION_EVENTS.valueSerde().deserializer()
                    .deserialize(Topics.ESCALATION_EVENTS.name(), dead.value());
            assertThat(original.getPayload()).isInstanceOf(OnCallPaged.class);
            assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.ESCALATION_EVENTS.name());
            assertThat(header(dead, DeadLetterHeaders.REASON)).contains("could not be delivered").contains("webhook")
                    .contains("email");
            assertThat(metric("support_oncall_delivery_failures_total", null)).isGreaterThanOrEqualTo(failuresBefore + 1);
            assertThat(metric("support_dead_letters_total", "topic=\"" + Topics.ESCALATION_EVENTS.name() + "\""))
                    .isGreaterThanOrEqualTo(deadLettersBefore + 1);
        } finally {
            mail = startMail();
        }
        resolveTicket();
    }

    @Test
    void slaWarningsFromTheThresholdOnAreShownOnTheDeskChannel() {
        String warned = TestEvents.newId();
        java.time.Instant opened = java.time.Instant.parse("2026-03-02T08:00:00Z");
        publish(Topics.SLA_EVENTS, warned, TestEvents.warning(warned, customer, Severity.SERIOUS, 50, opened,
                opened.plus(Duration.ofHours(4))));
        publish(Topics.SLA_EVENTS, warned, TestEvents.warning(warned, customer, Severity.SERIOUS, 90, opened,
                opened.plus(Duration.ofHours(4))));

        List<LoggedRequest> posted = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> WEBHOOKS.findAll(
                postRequestedFor(urlPathEqualTo("/desk")).withRequestBody(matchingJsonPath("$.ticketId",
                        equalTo(warned)))), list -> !list.isEmpty());
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> WEBHOOKS.findAll(
                postRequestedFor(urlPathEqualTo("/desk")).withRequestBody(matchingJsonPath("$.ticketId",
                        equalTo(warned)))).size() == 1);
        assertThat(JSON.readTree(posted.get(0).getBodyAsString()).get("thresholdPercent").asInt()).isEqualTo(90);
    }

    @Test
    void aResolutionBreachIsShownOnTheDeskChannelOnce() {
        String breached = TestEvents.newId();
        java.time.Instant opened = java.time.Instant.parse("2026-03-02T08:00:00Z");
        var breach = TestEvents.breached(breached, customer, Severity.SERIOUS, opened, opened.plus(Duration.ofHours(8)));
        breach.setMetric("resolution");
        publish(Topics.SLA_EVENTS, breached, breach);
        publish(Topics.SLA_EVENTS, breached, breach);

        List<LoggedRequest> posted = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> WEBHOOKS.findAll(
                postRequestedFor(urlPathEqualTo("/desk")).withRequestBody(matchingJsonPath("$.ticketId",
                        equalTo(breached)))), list -> !list.isEmpty());
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> WEBHOOKS.findAll(
                postRequestedFor(urlPathEqualTo("/desk")).withRequestBody(matchingJsonPath("$.ticketId",
                        equalTo(breached)))).size() == 1);
        var body = JSON.readTree(posted.get(0).getBodyAsString());
        assertThat(body.get("type").asString()).isEqualTo("SlaBreached");
        assertThat(body.get("metric").asString()).isEqualTo("resolution");
        assertThat(body.get("text").asString()).startsWith("SLA breach: the resolution deadline of ticket " + breached);
    }

    @Test
    void aDowngradeFromSeverityOneClosesThePageEverywhere() {
        String pageId = openCriticalTicket();
        String link = linkOf(awaitWebhook("nora", pageId, 1));

        publish(Topics.TICKET_EVENTS, ticket, TestEvents.severityChanged(ticket, customer, Severity.SERIOUS,
                CLOCK.instant()));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> json(api.get("/api/v1/pages/" + pageId, READER))
                .get("state").asString().equals("closed"));
        assertThat(api.get(link, null).statusCode()).isEqualTo(410);
        assertThat(api.post("/api/v1/pages/" + pageId + "/acknowledge", "{\"acknowledgedBy\": \"Nora Berg\"}", WRITER)
                .statusCode()).isEqualTo(409);
        CLOCK.advance(Duration.ofMinutes(20));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> reEscalations(pageId).isEmpty());
        assertThat(webhookCalls("kari", pageId)).isEmpty();
        resolveTicket();
    }

    @Test
    void aWithdrawnBreachIsToldToEveryonePagedAndItsPageCannotBeAcknowledged() throws Exception {
        double withdrawnBefore = metric("support_oncall_pages_withdrawn_total", null);
        Instant opened = CLOCK.instant().minus(Duration.ofHours(5));
        SlaEvent breach = TestEvents.breached(ticket, customer, Severity.SERIOUS, opened, CLOCK.instant());
        publish(Topics.SLA_EVENTS, ticket, breach);
        OnCallPaged paged = (OnCallPaged) awaitRecord(Topics.ESCALATION_EVENTS, r -> r.key().equals(ticket)
                && r.value().getPayload() instanceof OnCallPaged).value().getPayload();
        String pageId = paged.getPageId();
        String first = paged.getPaged().getEmail();
        String link = linkOf(awaitWebhook(hookOf(first), pageId, 1));
        CLOCK.advance(Duration.ofMinutes(15));
        PageReEscalated moved = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> reEscalations(pageId), list -> !list.isEmpty()).get(0);
        String second = moved.getPaged().getEmail();
        awaitWebhook(hookOf(second), pageId, 2);

        // the first response came before the deadline, but reached the SLA timer late
        publish(Topics.SLA_EVENTS, ticket, TestEvents.corrected(ticket, customer, Severity.SERIOUS, opened,
                breach.getDueAt(), breach.getEventId(), SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.MET,
                breach.getDueAt().minus(Duration.ofMinutes(5)), CLOCK.instant()));

        PageClosed closed = (PageClosed) awaitRecord(Topics.ESCALATION_EVENTS, r -> r.key().equals(ticket)
                && r.value().getPayload() instanceof PageClosed c && c.getPageId().equals(pageId)).value().getPayload();
        assertThat(closed.getReason()).isEqualTo(PageCloseReason.CAUSE_WITHDRAWN);
        assertThat(closed.getPagedPeople()).extracting(Person::getEmail).containsExactly(first, second);
        for (String person : List.of(first, second)) {
            MimeMessage told = awaitWithdrawalMail(person);
            assertThat(told.getSubject())
                    .isEqualTo("[Severity 2 – Serious] Page withdrawn: ticket " + ticket + " – " + customer);
            assertThat(GreenMailUtil.getBody(told)).contains(closed.getExplanation());
            LoggedRequest hook = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> webhookCalls(
                    hookOf(person), pageId).stream().filter(r -> JSON.readTree(r.getBodyAsString()).get("type")
                    .asString().equals("PageClosed")).findFirst(), java.util.Optional::isPresent).get();
            assertThat(JSON.readTree(hook.getBodyAsString()).get("explanation").asString())
                    .startsWith("breach withdrawn: first response recorded at");
        }

        JsonNode page = json(api.get("/api/v1/pages/" + pageId, READER));
        assertThat(page.get("state").asString()).isEqualTo("withdrawn");
        assertThat(page.get("withdrawal").asString()).isEqualTo(closed.getExplanation());
        assertThat(page.get("pagedPeople")).hasSize(2);
        assertThat(api.get("/api/v1/pages?state=open", READER).body()).doesNotContain(pageId);
        assertThat(api.get("/api/v1/pages?state=withdrawn", READER).body()).contains(pageId);
        var viaLink = api.send(api.request(link, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(viaLink.statusCode()).isEqualTo(410);
        assertThat(viaLink.body()).contains("Page withdrawn").contains("breach withdrawn");
        var viaApi = api.post("/api/v1/pages/" + pageId + "/acknowledge", "{\"acknowledgedBy\": \"Nora Berg\"}", WRITER);
        assertThat(viaApi.statusCode()).isEqualTo(409);
        assertThat(json(viaApi).get("detail").asString()).contains("withdrawn");
        assertThat(metric("support_oncall_pages_withdrawn_total", null)).isGreaterThanOrEqualTo(withdrawnBefore + 1);

        CLOCK.advance(Duration.ofMinutes(20));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> reEscalations(pageId).size() == 1);
    }

    /** The WireMock path of a person's own webhook: {@code /hooks/<first part of their e-mail address>}. */
    private static String hookOf(String email) {
        return email.substring(0, email.indexOf('@'));
    }

    private MimeMessage awaitWithdrawalMail(String to) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays
                .stream(mail.getReceivedMessages()).filter(m -> subject(m).contains("Page withdrawn")
                        && GreenMailUtil.getBody(m).contains(ticket) && recipient(m).equals(to)).findFirst(),
                java.util.Optional::isPresent).get();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whenThePageStatesCannotBeReadNothingIsDecidedAndTheAnswerIsTryAgain() {
        String pageId = openCriticalTicket();
        String link = linkOf(awaitWebhook("nora", pageId, 1));
        pageStateFollower.stop();
        try {
            var viaLink = api.send(api.request(link, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(viaLink.statusCode()).isEqualTo(503);
            assertThat(viaLink.body()).contains("Could not record, try again");
            assertThat(viaLink.headers().firstValue("Retry-After")).isPresent();
            assertThat(api.get(link, null).statusCode()).isEqualTo(503);

            var viaApi = api.post("/api/v1/pages/" + pageId + "/acknowledge", "{\"acknowledgedBy\": \"Nora Berg\"}",
                    WRITER);
            assertThat(viaApi.statusCode()).isEqualTo(503);
            assertThat(viaApi.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(viaApi.headers().firstValue("Retry-After")).isPresent();
            assertThat(readAll(Topics.ESCALATION_EVENTS).stream().noneMatch(r ->
                    r.value().getPayload() instanceof PageAcknowledged a && a.getPageId().equals(pageId)))
                    .as("nothing recorded").isTrue();
        } finally {
            pageStateFollower.start();
        }
        var acknowledged = api.send(api.request(link, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(acknowledged.statusCode()).isEqualTo(200);
    }

    @Test
    void aLinkUsedThroughAnotherInstanceIsRefusedHere() {
        String pageId = openCriticalTicket();
        String link = linkOf(awaitWebhook("nora", pageId, 1));
        // another instance acknowledged: its event is on the topic, and it answered once the topology applied it
        publish(Topics.ESCALATION_EVENTS, ticket, new PageEvents("escalation-service").acknowledged(pageId, ticket,
                customer, 1, "nora@biztek.example", AcknowledgementChannel.LINK, CLOCK.instant()));
        String changelog = new InternalTopics(applicationId()).pageStates().name();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> readRaw(changelog).stream()
                .anyMatch(r -> r.key().endsWith(pageId) && r.value() != null
                        && new String(r.value(), StandardCharsets.UTF_8).contains("\"ACKNOWLEDGED\"")));

        var reused = api.send(api.request(link, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("already acknowledged");
    }

    @Test
    void pagesAreDeliveredByAsManyConsumersAsTheEscalationTopicHasPartitions() {
        var container = (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("page-delivery");
        assertThat(container.getConcurrency()).isEqualTo(2);
        assertThat(deliveryContainerFactory.getConsumerFactory().getConfigurationProperties())
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5);
    }

    private static String linkOf(LoggedRequest hook) {
        Matcher link = ACK_LINK.matcher(JSON.readTree(hook.getBodyAsString()).get("acknowledgeUrl").asString());
        assertThat(link.find()).isTrue();
        return "/ack/" + link.group(1);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
