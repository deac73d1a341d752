package no.biztek.support.notification.it;

import static no.biztek.support.notification.Events.customer;
import static no.biztek.support.notification.Events.id;
import static no.biztek.support.notification.Events.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.notification.Events;
import no.biztek.support.notification.NotificationServiceApplication;
import no.biztek.support.notification.stage.Ids;
import no.biztek.support.notification.delivery.InternalTopics;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.notification.CustomerNotificationFailed;
import no.biztek.support.schemas.notification.CustomerNotified;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * The whole service against the embedded Kafka broker and GreenMail as the SMTP server: mails, their
 * language, content and recipients, dedup, retries, dead letters, the audit API and the metrics.
 */
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class NotificationServiceTest {

    private static final TestMailServer MAIL = new TestMailServer();
    private static final KafkaTestClient KAFKA = new KafkaTestClient();
    private static final KafkaTestClient.Reader EVENTS = KAFKA.reader(Topics.NOTIFICATION_EVENTS.name());
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::port);
        String stateDir = Files.createTempDirectory("notification-streams").toString();
        registry.add("spring.kafka.streams.state-dir", () -> stateDir);
    }

    @AfterAll
    static void stopAll() {
        EVENTS.close();
        KAFKA.close();
        MAIL.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    InternalTopics internalTopics;

    @Autowired
    HealthEndpointGroups healthGroups;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** One customer with one ticket; unique addresses so that tests never see each other's mails. */
    private final class Scenario {
        final String customerId = "customer-" + id();
        final String ticketId = "ticket-" + id();
        final String escalationId = "esc-" + id();
        final String tag = id().substring(0, 8);
        final Person requester = person("Kari Nordmann", "kari-" + tag + "@kunde.no");
        final Person contact = person("IT-drift", "drift-" + tag + "@kunde.no");
        final String reference = "ZD-" + tag;

        Scenario(CustomerLocale locale, Person... extraContacts) {
            List<Person> contacts = new java.util.ArrayList<>(List.of(contact));
            contacts.addAll(List.of(extraContacts));
            KAFKA.send(Topics.CUSTOMERS, customerId, customer(customerId, "Kunde " + tag + " AS", locale, contacts,
                    Instant.now()));
            KAFKA.send(Topics.TICKET_EVENTS, ticketId, Events.ticketOpened(ticketId, customerId, reference,
                    "E-post virker ikke", requester, Instant.now()));
        }

        EscalationEvent opened() {
            return Events.vendorOpened(id(), ticketId, customerId, escalationId, "MS-" + tag, Instant.now());
        }

        EscalationEvent status(VendorCaseStatus status, String message) {
            return Events.vendorStatus(id(), ticketId, customerId, escalationId, "MS-" + tag, status, message,
                    Instant.now());
        }

        EscalationEvent closed(String resolution) {
            return Events.vendorClosed(id(), ticketId, customerId, escalationId, "MS-" + tag, resolution, Instant.now());
        }

        void send(EscalationEvent event) {
            KAFKA.send(Topics.ESCALATION_EVENTS, ticketId, event);
        }

        List<MimeMessage> awaitMails(String address, int count) {
            return await().atMost(PATIENCE).until(() -> MAIL.mailsTo(address), mails -> mails.size() >= count);
        }

        List<NotificationEvent> events() {
            return notificationEvents(ticketId);
        }
    }

    @Test
    void eachKindOfMailArrivesOnceInTheCustomersLanguageWithItsContentAndRecipients() {
        Scenario english = new Scenario(CustomerLocale.EN);
        english.send(english.opened());
        english.send(english.status(VendorCaseStatus.FIX_IN_PROGRESS, "A fix is rolling out <today>"));
        english.send(english.closed("Tenant configuration corrected"));

        List<MimeMessage> mails = english.awaitMails(english.requester.getEmail(), 3);
        assertThat(mails).hasSize(3);
        assertThat(mails).extracting(Mails::subject).containsExactly(
                "Ticket " + english.reference + " \"E-post virker ikke\": reported to Microsoft (case MS-" + english.tag + ")",
                "Ticket " + english.reference + " \"E-post virker ikke\": new status from Microsoft: Fix in progress",
                "Ticket " + english.reference + " \"E-post virker ikke\": resolved by Microsoft");
        MimeMessage opened = mails.get(0);
        assertThat(Mails.to(opened)).containsExactlyInAnyOrder(english.requester.getEmail(),
                english.contact.getEmail());
        assertThat(Mails.text(opened)).contains("What happens next", "case reference: MS-" + english.tag);
        assertThat(Mails.html(opened)).contains("<strong>MS-" + english.tag + "</strong>");
        assertThat(Mails.header(opened, "Message-ID")).endsWith("@notification.biztek.no>");
        assertThat(Mails.text(mails.get(1))).contains("A fix is rolling out <today>");
        assertThat(Mails.html(mails.get(1))).contains("A fix is rolling out &lt;today&gt;");
        assertThat(Mails.text(mails.get(2))).contains("Tenant configuration corrected");
        assertThat(english.awaitMails(english.contact.getEmail(), 3)).hasSize(3);

        Scenario norwegian = new Scenario(CustomerLocale.NB);
        norwegian.send(norwegian.opened());
        MimeMessage norsk = norwegian.awaitMails(norwegian.contact.getEmail(), 1).get(0);
        assertThat(Mails.subject(norsk)).isEqualTo("Sak " + norwegian.reference
                + " «E-post virker ikke»: meldt til Microsoft (saksnr. MS-" + norwegian.tag + ")");
        assertThat(Mails.text(norsk)).contains("Hva skjer nå");

        List<NotificationEvent> notified = await().atMost(PATIENCE).until(english::events, e -> e.size() >= 3);
        assertThat(notified).extracting(NotificationEvent::getPayload).allSatisfy(p ->
                assertThat(p).isInstanceOf(CustomerNotified.class));
        assertThat(notified).extracting(e -> ((CustomerNotified) e.getPayload()).getTemplate()).containsExactly(
                NotificationTemplate.VENDOR_ESCALATION_OPENED, NotificationTemplate.VENDOR_STATUS_CHANGED,
                NotificationTemplate.VENDOR_ESCALATION_CLOSED);
        assertThat(notified).allSatisfy(e -> assertThat(e.getProducer()).isEqualTo("notification-service"));
        CustomerNotified first = (CustomerNotified) notified.get(0).getPayload();
        assertThat(first.getLocale()).isEqualTo(CustomerLocale.EN);
        assertThat(first.getRecipients()).containsExactly(english.requester.getEmail(), english.contact.getEmail());
        assertThat(Mails.header(opened, "Message-ID")).isEqualTo("<" + first.getNotificationId()
                + "@notification.biztek.no>");
    }

    @Test
    void aDuplicateCauseEventSendsOneMail() {
        Scenario scenario = new Scenario(CustomerLocale.NB);
        EscalationEvent opened = scenario.opened();
        scenario.send(opened);
        scenario.send(opened);
        // a later event of the same ticket: once its mail is there, the duplicate has been dealt with
        scenario.send(scenario.status(VendorCaseStatus.INVESTIGATING, "Looking into it"));

        List<MimeMessage> mails = scenario.awaitMails(scenario.requester.getEmail(), 2);
        assertThat(mails).extracting(Mails::subject).hasSize(2).anyMatch(s -> s.contains("meldt til Microsoft"))
                .anyMatch(s -> s.contains("ny status"));
    }

    @Test
    void whenTheMailServerIsDownTheMailIsDeliveredOnceItIsBack() {
        Scenario scenario = new Scenario(CustomerLocale.NB);
        double retriesBefore = retries();
        MAIL.stop();
        try {
            scenario.send(scenario.opened());
            await().atMost(PATIENCE).until(() -> retries() >= retriesBefore + 2);
        } finally {
            MAIL.start();
        }

        assertThat(scenario.awaitMails(scenario.requester.getEmail(), 1)).hasSize(1);
        await().atMost(PATIENCE).until(scenario::events, events -> !events.isEmpty());
        scenario.send(scenario.status(VendorCaseStatus.INVESTIGATING, "Looking into it"));
        List<MimeMessage> mails = scenario.awaitMails(scenario.requester.getEmail(), 2);
        assertThat(mails).extracting(Mails::subject).filteredOn(s -> s.contains("meldt til Microsoft")).hasSize(1);
        assertThat(scenario.events()).filteredOn(e -> e.getPayload() instanceof CustomerNotified)
                .extracting(e -> ((CustomerNotified) e.getPayload()).getTemplate())
                .containsExactly(NotificationTemplate.VENDOR_ESCALATION_OPENED, NotificationTemplate.VENDOR_STATUS_CHANGED);
    }

    @Test
    void aRefusedAddressGoesToTheDeadLetterTopicAndIsReportedAsFailedWhileTheOthersGetTheMail() {
        Person unknown = person("Gone", "gone-" + id().substring(0, 8) + "@kunde.no");
        MAIL.refuse(unknown.getEmail());
        Scenario scenario = new Scenario(CustomerLocale.NB, unknown);
        double failedBefore = meters.counter("support.notifications.failed").count();
        double deadLettersBefore = deadLettersCounted(internalTopics.commands().name());
        try (KafkaTestClient.Reader deadLetters = KAFKA.reader(internalTopics.commands().deadLetterTopicName())) {
            scenario.send(scenario.opened());

            assertThat(scenario.awaitMails(scenario.requester.getEmail(), 1)).hasSize(1);
            List<NotificationEvent> events = await().atMost(PATIENCE).until(scenario::events,
                    e -> e.stream().anyMatch(n -> n.getPayload() instanceof CustomerNotificationFailed));
            CustomerNotified notified = payload(events, CustomerNotified.class);
            assertThat(notified.getRecipients()).containsExactly(scenario.requester.getEmail(),
                    scenario.contact.getEmail());
            CustomerNotificationFailed failed = payload(events, CustomerNotificationFailed.class);
            assertThat(failed.getRecipients()).containsExactly(unknown.getEmail());
            assertThat(failed.getPermanent()).isTrue();
            assertThat(failed.getReason()).contains("550");
            assertThat(failed.getNotificationId()).isEqualTo(notified.getNotificationId());

            ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE).until(() -> deadLetters.records().stream()
                    .filter(r -> scenario.ticketId.equals(r.key())).findFirst().orElse(null), Objects::nonNull);
            assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(internalTopics.commands().name());
            assertThat(header(dead, DeadLetterHeaders.REASON)).contains("550");
            assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("notification-service");
        }
        assertThat(meters.counter("support.notifications.failed").count()).isGreaterThan(failedBefore);
        await().atMost(PATIENCE).until(() -> deadLettersCounted(internalTopics.commands().name()) > deadLettersBefore);
        assertThat(MAIL.mailsTo(unknown.getEmail())).isEmpty();
    }

    @Test
    void aMailNoAddressAcceptsGoesToTheDeadLetterTopicWithAFailureEventAndNoNotifiedEvent() {
        Scenario scenario = new Scenario(CustomerLocale.EN);
        MAIL.refuse(scenario.requester.getEmail());
        MAIL.refuse(scenario.contact.getEmail());
        try (KafkaTestClient.Reader deadLetters = KAFKA.reader(internalTopics.commands().deadLetterTopicName())) {
            scenario.send(scenario.opened());

            List<NotificationEvent> events = await().atMost(PATIENCE).until(scenario::events, e -> !e.isEmpty());
            assertThat(events).hasSize(1);
            CustomerNotificationFailed failed = payload(events, CustomerNotificationFailed.class);
            assertThat(failed.getPermanent()).isTrue();
            assertThat(failed.getRecipients()).containsExactlyInAnyOrder(scenario.requester.getEmail(),
                    scenario.contact.getEmail());
            ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE).until(() -> deadLetters.records().stream()
                    .filter(r -> scenario.ticketId.equals(r.key())).findFirst().orElse(null), Objects::nonNull);
            assertThat(header(dead, "support.notification.permanent")).isEqualTo("true");
            assertThat(header(dead, DeadLetterHeaders.REASON)).contains("550");

            // a later cause of the ticket as a marker: once its outcome is there, nothing more came of the first
            scenario.send(scenario.status(VendorCaseStatus.INVESTIGATING, "Looking into it"));
            List<NotificationEvent> later = await().atMost(PATIENCE).until(scenario::events, e -> e.size() >= 2);
            assertThat(later).hasSize(2).allSatisfy(e ->
                    assertThat(e.getPayload()).isInstanceOf(CustomerNotificationFailed.class));
            assertThat(later).extracting(e -> ((CustomerNotificationFailed) e.getPayload()).getNotificationId())
                    .doesNotHaveDuplicates().contains(failed.getNotificationId());
        }
        assertThat(MAIL.mailsTo(scenario.requester.getEmail())).isEmpty();
    }

    @Test
    void aNotificationWithoutRecipientsIsReportedAsFailedByTheSenderAndCounted() {
        String tag = id().substring(0, 8);
        String customerId = "customer-" + id();
        String ticketId = "ticket-" + id();
        KAFKA.send(Topics.CUSTOMERS, customerId, customer(customerId, "Kunde " + tag + " AS", CustomerLocale.NB,
                List.of(), Instant.now()));
        KAFKA.send(Topics.TICKET_EVENTS, ticketId, Events.ticketOpened(ticketId, customerId, "PH-" + tag,
                "Telefon virker ikke", person("Ringer", ""), Instant.now()));
        double failedBefore = meters.counter("support.notifications.failed").count();
        try (KafkaTestClient.Reader deadLetters = KAFKA.reader(internalTopics.commands().deadLetterTopicName())) {
            KAFKA.send(Topics.ESCALATION_EVENTS, ticketId, Events.vendorOpened(id(), ticketId, customerId,
                    "esc-" + tag, "MS-" + tag, Instant.now()));

            List<NotificationEvent> events = await().atMost(PATIENCE).until(() -> notificationEvents(ticketId),
                    e -> !e.isEmpty());
            CustomerNotificationFailed failed = payload(events, CustomerNotificationFailed.class);
            assertThat(failed.getPermanent()).isTrue();
            assertThat(failed.getReason()).startsWith("no recipients");
            assertThat(failed.getRecipients()).isEmpty();
            await().atMost(PATIENCE).until(() -> deadLetters.records().stream()
                    .anyMatch(r -> ticketId.equals(r.key())));
        }
        assertThat(meters.counter("support.notifications.failed").count()).isGreaterThan(failedBefore);
    }

    @Test
    void aRecipientGreylistedWhileTheOthersAcceptGetsTheMailThroughAFollowUpAndNothingIsReportedAsFailed() {
        Person greylisted = person("Grey", "grey-" + id().substring(0, 8) + "@kunde.no");
        MAIL.greylist(greylisted.getEmail(), 2);
        Scenario scenario = new Scenario(CustomerLocale.NB, greylisted);
        scenario.send(scenario.opened());

        assertThat(scenario.awaitMails(greylisted.getEmail(), 1)).hasSize(1);
        List<NotificationEvent> events = await().atMost(PATIENCE).until(scenario::events,
                e -> e.stream().filter(n -> n.getPayload() instanceof CustomerNotified).count() >= 2);
        List<CustomerNotified> notified = events.stream().map(NotificationEvent::getPayload)
                .filter(CustomerNotified.class::isInstance).map(CustomerNotified.class::cast).toList();
        assertThat(notified).hasSize(2);
        CustomerNotified first = notified.get(0);
        assertThat(first.getRecipients()).containsExactly(scenario.requester.getEmail(), scenario.contact.getEmail());
        CustomerNotified followUp = notified.get(1);
        assertThat(followUp.getRecipients()).containsExactly(greylisted.getEmail());
        assertThat(followUp.getNotificationId()).isEqualTo(Ids.followUpNotificationId(first.getNotificationId()));
        assertThat(followUp.getCauseEventId()).isEqualTo(first.getCauseEventId());
        assertThat(events).noneMatch(e -> e.getPayload() instanceof CustomerNotificationFailed);
        assertThat(MAIL.mailsTo(scenario.requester.getEmail())).hasSize(1);
        assertThat(MAIL.mailsTo(scenario.contact.getEmail())).hasSize(1);
    }

    @Test
    void aShortHiccupIsRetriedInPlaceSoTheMailKeepsItsOrderAndNeverEntersTheRetryTopics() {
        Scenario scenario = new Scenario(CustomerLocale.NB);
        MAIL.greylist(scenario.requester.getEmail(), 1);
        MAIL.greylist(scenario.contact.getEmail(), 1);
        Pattern retryTopics = Pattern.compile(
                Pattern.quote(internalTopics.commands().name() + InternalTopics.RETRY_SUFFIX) + ".*");
        try (KafkaTestClient.Reader retries = KAFKA.readerOfTopicsMatching(retryTopics)) {
            scenario.send(scenario.opened());
            scenario.send(scenario.status(VendorCaseStatus.INVESTIGATING, "Looking into it"));

            List<MimeMessage> mails = scenario.awaitMails(scenario.requester.getEmail(), 2);
            assertThat(mails).extracting(Mails::subject).satisfiesExactly(
                    s -> assertThat(s).contains("meldt til Microsoft"), s -> assertThat(s).contains("ny status"));
            await().atMost(PATIENCE).until(scenario::events, e -> e.size() >= 2);
            assertThat(retries.records()).noneMatch(r -> scenario.ticketId.equals(r.key()));
        }
    }

    private double deadLettersCounted(String topic) {
        return meters.counter("support.dead.letters", "topic", topic).count();
    }

    @Test
    void poisonRecordsOnEveryInputGoToTheirDeadLetterTopicAndTheConsumersGoOn() {
        String poisonKey = "poison-" + id();
        List<String> inputs = List.of(Topics.TICKET_EVENTS.name(), Topics.ESCALATION_EVENTS.name(),
                Topics.NOTIFICATION_EVENTS.name(), Topics.CUSTOMERS.name(), internalTopics.commands().name());
        List<String> deadLetterTopics = List.of(Topics.TICKET_EVENTS.deadLetterTopicName(),
                Topics.ESCALATION_EVENTS.deadLetterTopicName(), Topics.NOTIFICATION_EVENTS.deadLetterTopicName(),
                Topics.CUSTOMERS.deadLetterTopicName(), internalTopics.commands().deadLetterTopicName());
        Map<String, Double> countedBefore = new HashMap<>();
        inputs.forEach(topic -> countedBefore.put(topic, deadLettersCounted(topic)));
        for (String topic : inputs) {
            KAFKA.send(topic, poisonKey, "definitely not a record".getBytes(StandardCharsets.UTF_8));
        }

        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            try (KafkaTestClient.Reader deadLetters = KAFKA.reader(deadLetterTopics.get(i))) {
                ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE).until(() -> deadLetters.records()
                        .stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElse(null), Objects::nonNull);
                assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("definitely not a record");
                assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(input);
                assertThat(header(dead, DeadLetterHeaders.REASON)).isNotBlank();
            }
            await(input + " counted").atMost(PATIENCE)
                    .until(() -> deadLettersCounted(input) > countedBefore.get(input));
        }

        Scenario scenario = new Scenario(CustomerLocale.EN);
        scenario.send(scenario.opened());
        assertThat(scenario.awaitMails(scenario.contact.getEmail(), 1)).hasSize(1);
    }

    @Test
    void theAuditViewTellsWhatTheCustomerWasToldWhenAndToWhomToReadersOnly() throws Exception {
        Scenario scenario = new Scenario(CustomerLocale.NB);
        scenario.send(scenario.opened());
        scenario.awaitMails(scenario.requester.getEmail(), 1);

        String path = "/api/v1/tickets/" + scenario.ticketId + "/notifications";
        JsonNode body = await().atMost(PATIENCE).until(() -> json.readTree(get(path, "reader-token").body()),
                b -> b.path("notifications").size() == 1 && "SENT".equals(b.at("/notifications/0/status").asString()));
        JsonNode entry = body.at("/notifications/0");
        assertThat(body.get("ticketId").asString()).isEqualTo(scenario.ticketId);
        assertThat(entry.get("template").asString()).isEqualTo("VENDOR_ESCALATION_OPENED");
        assertThat(entry.get("locale").asString()).isEqualTo("NB");
        assertThat(entry.get("recipients").toString()).contains(scenario.requester.getEmail(),
                scenario.contact.getEmail());
        assertThat(entry.get("subject").asString()).contains(scenario.reference, "Microsoft");
        assertThat(Instant.parse(entry.get("sentAt").asString())).isAfterOrEqualTo(
                Instant.parse(entry.get("issuedAt").asString()));

        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get(path, "escalator-token").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/tickets/not%20valid!/notifications", "reader-token").statusCode()).isEqualTo(400);
        JsonNode unknown = json.readTree(get("/api/v1/tickets/never-seen/notifications", "reader-token").body());
        assertThat(unknown.get("notifications").size()).isZero();
    }

    @Test
    void metricsArePublishedForPrometheus() throws Exception {
        Scenario scenario = new Scenario(CustomerLocale.NB);
        scenario.send(scenario.opened());
        scenario.awaitMails(scenario.requester.getEmail(), 1);

        String metrics = await().atMost(PATIENCE).until(() -> get("/actuator/prometheus", null).body(),
                m -> m.contains("support_notifications_sent_total{template=\"VENDOR_ESCALATION_OPENED\"}"));
        assertThat(metrics).contains("support_notifications_failed_total", "support_notifications_pending_oldest_age_seconds",
                "support_notifications_pending ", "support_notifications_stale_causes_total",
                "support_dead_letters_total{topic=\"support.escalation-events.v1\"}",
                "support_dead_letters_total{topic=\"" + internalTopics.commands().name() + "\"}");
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void thePipelineHealthDecidesLivenessAndReadiness() {
        assertThat(healthGroups.get("readiness").isMember("kafkaStreams")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("kafkaStreamsLiveness")).isTrue();
    }

    @Test
    void theSentMarkersAreCompactedAndDeletedAfterTheDedupRetention() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.BROKERS))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, internalTopics.sent().name());
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact,delete");
            assertThat(Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value()))
                    .isGreaterThanOrEqualTo(Duration.ofDays(90).toMillis());
        }
    }

    private double retries() {
        return meters.counter("support.notifications.delivery.retries").count();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<NotificationEvent> notificationEvents(String ticketId) {
        return EVENTS.records().stream().filter(r -> ticketId.equals(r.key())).map(NotificationServiceTest::decode)
                .filter(Objects::nonNull).toList();
    }

    private static NotificationEvent decode(ConsumerRecord<String, byte[]> record) {
        Topic<String, NotificationEvent> topic = Topics.NOTIFICATION_EVENTS;
        try {
            return topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
        } catch (RuntimeException e) {
            return null; // a poison record of another test
        }
    }

    private static <T> T payload(List<NotificationEvent> events, Class<T> type) {
        return events.stream().map(NotificationEvent::getPayload).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
