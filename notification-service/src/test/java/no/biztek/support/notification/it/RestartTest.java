package no.biztek.support.notification.it;

import static no.biztek.support.notification.Events.customer;
import static no.biztek.support.notification.Events.id;
import static no.biztek.support.notification.Events.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.notification.Events;
import no.biztek.support.notification.NotificationServiceApplication;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.notification.CustomerNotified;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.topic.Topics;

/**
 * The service stopped and started again, each time on an empty state directory, so that everything it
 * knows must come back from Kafka: no notification is lost, none is sent twice, and the keep-informed
 * timer still fires.
 */
class RestartTest {

    private static final TestMailServer MAIL = new TestMailServer();
    private static final KafkaTestClient KAFKA = new KafkaTestClient();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaTestClient.Reader events;

    @BeforeAll
    static void start() {
        MAIL.start();
        events = KAFKA.reader(Topics.NOTIFICATION_EVENTS.name());
    }

    @AfterAll
    static void stop() {
        events.close();
        KAFKA.close();
        MAIL.stop();
    }

    private static ConfigurableApplicationContext service(String... extra) throws IOException {
        Path stateDir = Files.createTempDirectory("notification-restart");
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + MAIL.port(), "--spring.kafka.streams.state-dir=" + stateDir));
        for (String property : extra) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(NotificationServiceApplication.class).profiles("test")
                .run(args.toArray(String[]::new));
    }

    /** The statuses the audit API shows for the ticket's notifications. */
    private static List<String> auditStatuses(ConfigurableApplicationContext service, String ticketId)
            throws IOException, InterruptedException {
        String port = service.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/tickets/" + ticketId + "/notifications"))
                .header("Authorization", "Bearer reader-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<String> statuses = new java.util.ArrayList<>();
        JSON.readTree(response.body()).path("notifications").forEach(n -> statuses.add(n.path("status").asString()));
        return statuses;
    }

    private record Ticket(String customerId, String ticketId, String escalationId, Person requester) {

        static Ticket open() {
            String tag = id().substring(0, 8);
            Ticket ticket = new Ticket("customer-" + id(), "ticket-" + id(), "esc-" + id(),
                    person("Kari Nordmann", "kari-" + tag + "@kunde.no"));
            KAFKA.send(Topics.CUSTOMERS, ticket.customerId, customer(ticket.customerId, "Kunde AS", CustomerLocale.NB,
                    List.of(person("IT-drift", "drift-" + tag + "@kunde.no")), Instant.now()));
            KAFKA.send(Topics.TICKET_EVENTS, ticket.ticketId, Events.ticketOpened(ticket.ticketId, ticket.customerId,
                    "ZD-" + tag, "Teams virker ikke", ticket.requester, Instant.now()));
            return ticket;
        }

        void send(EscalationEvent event) {
            KAFKA.send(Topics.ESCALATION_EVENTS, ticketId, event);
        }

        List<MimeMessage> mails() {
            return MAIL.mailsTo(requester.getEmail());
        }

        List<NotificationTemplate> notified() {
            return events.records().stream().filter(r -> ticketId.equals(r.key()))
                    .map(r -> Topics.NOTIFICATION_EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                    .map(NotificationEvent::getPayload).filter(CustomerNotified.class::isInstance)
                    .map(p -> ((CustomerNotified) p).getTemplate()).toList();
        }
    }

    @Test
    void aRestartBetweenTheCauseAndTheSendNeitherLosesNorDoublesTheMail() throws IOException {
        Ticket ticket;
        EscalationEvent opened;
        MAIL.stop(); // the first instance decides to notify, but cannot send before it goes down
        try (ConfigurableApplicationContext first = service()) {
            MeterRegistry meters = first.getBean(MeterRegistry.class);
            ticket = Ticket.open();
            opened = Events.vendorOpened(id(), ticket.ticketId, ticket.customerId, ticket.escalationId, "MS-1",
                    Instant.now());
            ticket.send(opened);
            await().atMost(PATIENCE).until(() -> meters.counter("support.notifications.delivery.retries").count() >= 1);
        } finally {
            MAIL.start();
        }

        try (ConfigurableApplicationContext second = service()) {
            ticket.send(opened); // the cause delivered again after the restart
            ticket.send(Events.vendorStatus(id(), ticket.ticketId, ticket.customerId, ticket.escalationId, "MS-1",
                    VendorCaseStatus.INVESTIGATING, "Looking into it", Instant.now()));

            await().atMost(PATIENCE).until(ticket::notified, n -> n.size() >= 2);
            assertThat(ticket.mails()).extracting(Mails::subject).hasSize(2)
                    .satisfiesExactly(s -> assertThat(s).contains("meldt til Microsoft"),
                            s -> assertThat(s).contains("ny status"));
            assertThat(ticket.notified()).containsExactly(NotificationTemplate.VENDOR_ESCALATION_OPENED,
                    NotificationTemplate.VENDOR_STATUS_CHANGED);
        }
    }

    @Test
    void theKeepInformedTimerSurvivesARestart() throws IOException, URISyntaxException {
        String policy = Path.of(RestartTest.class.getResource("/policy/short-cadence-policy.yaml").toURI()).toString();
        Ticket ticket;
        try (ConfigurableApplicationContext first = service("support.policy.file=" + policy)) {
            ticket = Ticket.open();
            ticket.send(Events.vendorOpened(id(), ticket.ticketId, ticket.customerId, ticket.escalationId, "MS-2",
                    Instant.now()));
            await().atMost(PATIENCE).until(ticket::notified, n -> !n.isEmpty());
            // the first instance has taken the mail's outcome in (audit SENT, timer from the sent time) before it stops
            await().atMost(PATIENCE).until(() -> auditStatuses(first, ticket.ticketId), s -> s.equals(List.of("SENT")));
        }
        // down before the reminder is due (15 s of "business time" after the mail)
        assertThat(ticket.mails()).extracting(Mails::subject).noneMatch(s -> s.contains("jobber fortsatt"));

        try (ConfigurableApplicationContext second = service("support.policy.file=" + policy)) {
            List<MimeMessage> mails = await().atMost(PATIENCE).until(ticket::mails,
                    m -> m.stream().map(Mails::subject).anyMatch(s -> s.contains("jobber fortsatt")));
            assertThat(mails).extracting(Mails::subject).filteredOn(s -> s.contains("meldt til Microsoft")).hasSize(1);
        }
    }
}
