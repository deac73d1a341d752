package no.biztek.support.notification.pipeline;

import static no.biztek.support.notification.Events.customer;
import static no.biztek.support.notification.Events.id;
import static no.biztek.support.notification.Events.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.notification.stage.Ids;
import no.biztek.support.notification.stage.StoreNames;
import no.biztek.support.notification.delivery.InternalTopics;
import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.notification.Events;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.notification.audit.AuditEntry;
import no.biztek.support.notification.audit.NotificationHistory;
import no.biztek.support.notification.compose.Contact;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.notification.delivery.SentMarker;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * The pipeline's topology with TopologyTestDriver: causes, dedup, waiting for data, cadence, old history, failures
 * and dead letters.
 */
class NotificationTopologyTest {

    /** Monday 3 March 2025 08:00 in Oslo: inside opening hours (07-16). */
    private static final Instant MONDAY_0800 = Instant.parse("2025-03-03T07:00:00Z");
    private static final Duration CHECK = PipelineDriver.CHECK;

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(MONDAY_0800);
    private final InternalTopics topics = new InternalTopics("notification-service", 6);
    private TopologyTestDriver driver;
    private TestInputTopic<String, TicketEvent> tickets;
    private TestInputTopic<String, EscalationEvent> escalations;
    private TestInputTopic<String, NotificationEvent> notifications;
    private TestInputTopic<String, Customer> customers;
    private TestOutputTopic<String, NotificationCommand> commands;

    private final String customerId = "customer-" + id();
    private final String ticketId = "ticket-" + id();
    private final String escalationId = "esc-" + id();

    @BeforeEach
    void start() throws Exception {
        start(PolicyFile.defaultPolicy());
    }

    private static PipelineSettings settings(MutableClock clock, PolicyHistory policies, SimpleMeterRegistry meters) {
        return PipelineDriver.settings(clock, new PlanCatalogue(List.of(policies)), meters);
    }

    private void start(PolicyHistory policies) throws Exception {
        if (driver != null) {
            driver.close();
        }
        driver = PipelineDriver.start(settings(clock, policies, meters), topics, stateDir, MONDAY_0800);
        tickets = input(Topics.TICKET_EVENTS);
        escalations = input(Topics.ESCALATION_EVENTS);
        notifications = input(Topics.NOTIFICATION_EVENTS);
        customers = input(Topics.CUSTOMERS);
        commands = PipelineDriver.commands(driver, topics);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return PipelineDriver.input(driver, topic);
    }

    private void knownCustomerAndTicket(CustomerLocale locale) {
        customers.pipeInput(customerId, customer(customerId, "Kunde AS", locale,
                List.of(person("IT-drift", "drift@kunde.no"), person("Leder", "leder@kunde.no")), clock.instant()));
        tickets.pipeInput(ticketId, Events.ticketOpened(ticketId, customerId, "4711", "E-post virker ikke",
                person("Kari Nordmann", "kari@kunde.no"), clock.instant()));
    }

    private String openEscalation() {
        String cause = id();
        escalations.pipeInput(ticketId, Events.vendorOpened(cause, ticketId, customerId, escalationId, "MS-42",
                clock.instant()));
        return cause;
    }

    /** Time passes; the wall-clock punctuator runs once at the end, as it would within its check interval. */
    private void advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    @Test
    void aVendorEscalationBecomesOneMailToTheRequesterAndTheCustomersContactsInTheirLanguage() {
        knownCustomerAndTicket(CustomerLocale.EN);
        String cause = openEscalation();

        List<NotificationCommand> sent = commands.readValuesToList();
        assertThat(sent).hasSize(1);
        NotificationCommand command = sent.get(0);
        assertThat(command.template()).isEqualTo(NotificationTemplate.VENDOR_ESCALATION_OPENED);
        assertThat(command.causeEventId()).isEqualTo(cause);
        assertThat(command.notificationId()).isEqualTo(Ids.notificationId(cause, command.template()));
        assertThat(command.locale()).isEqualTo(CustomerLocale.EN);
        assertThat(command.subject()).contains("4711", "Microsoft", "MS-42");
        assertThat(command.recipients()).extracting(Contact::email)
                .containsExactly("kari@kunde.no", "drift@kunde.no", "leder@kunde.no");
        assertThat(command.ticketId()).isEqualTo(ticketId);
        assertThat(history()).extracting(AuditEntry::status).containsExactly(AuditEntry.Status.PENDING);
    }

    @Test
    void aCauseDeliveredTwiceIsToldOnce() {
        knownCustomerAndTicket(CustomerLocale.NB);
        EscalationEvent opened = Events.vendorOpened(id(), ticketId, customerId, escalationId, "MS-42", clock.instant());

        escalations.pipeInput(ticketId, opened);
        escalations.pipeInput(ticketId, opened);

        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void eachKindOfVendorEventIsToldAndOtherEscalationEventsAreNot() {
        knownCustomerAndTicket(CustomerLocale.NB);
        escalations.pipeInput(ticketId, Events.onCallPaged(ticketId, customerId, clock.instant()));
        openEscalation();
        escalations.pipeInput(ticketId, Events.vendorStatus(id(), ticketId, customerId, escalationId, "MS-42",
                VendorCaseStatus.INVESTIGATING, "Looking into it", clock.instant()));
        escalations.pipeInput(ticketId, Events.vendorClosed(id(), ticketId, customerId, escalationId, "MS-42",
                "Fixed in tenant", clock.instant()));

        assertThat(commands.readValuesToList()).extracting(NotificationCommand::template).containsExactly(
                NotificationTemplate.VENDOR_ESCALATION_OPENED, NotificationTemplate.VENDOR_STATUS_CHANGED,
                NotificationTemplate.VENDOR_ESCALATION_CLOSED);
    }

    @Test
    void aCauseArrivingBeforeItsTicketWaitsForItAndThenReachesTheRequester() {
        customers.pipeInput(customerId, customer(customerId, "Kunde AS", CustomerLocale.NB,
                List.of(person("IT-drift", "drift@kunde.no")), clock.instant()));
        openEscalation();
        assertThat(commands.isEmpty()).isTrue();

        tickets.pipeInput(ticketId, Events.ticketOpened(ticketId, customerId, "4711", "E-post virker ikke",
                person("Kari Nordmann", "kari@kunde.no"), clock.instant()));

        NotificationCommand command = commands.readValue();
        assertThat(command.recipients()).extracting(Contact::email).containsExactly("kari@kunde.no", "drift@kunde.no");
        assertThat(command.subject()).contains("4711");
    }

    @Test
    void aCauseOfAnUnknownCustomerWaitsForTheDirectoryThenForTheGraceAndGoesToTheRequesterInBokmal() {
        tickets.pipeInput(ticketId, Events.ticketOpened(ticketId, customerId, "4711", "E-post virker ikke",
                person("Kari Nordmann", "kari@kunde.no"), clock.instant()));
        openEscalation();
        assertThat(commands.isEmpty()).isTrue();

        advance(Duration.ofMinutes(16));

        NotificationCommand command = commands.readValue();
        assertThat(command.locale()).isEqualTo(CustomerLocale.NB);
        assertThat(command.recipients()).extracting(Contact::email).containsExactly("kari@kunde.no");
    }

    @Test
    void aMailNeverContainsAnotherCustomersData() {
        knownCustomerAndTicket(CustomerLocale.NB);
        String otherCustomer = "customer-" + id();
        String otherTicket = "ticket-" + id();
        customers.pipeInput(otherCustomer, customer(otherCustomer, "Annen Kunde AS", CustomerLocale.EN,
                List.of(person("Other IT", "it@annen.no")), clock.instant()));
        tickets.pipeInput(otherTicket, Events.ticketOpened(otherTicket, otherCustomer, "9999", "Printer down",
                person("Ola Annen", "ola@annen.no"), clock.instant()));

        openEscalation();
        escalations.pipeInput(otherTicket, Events.vendorOpened(id(), otherTicket, otherCustomer, "esc-other",
                "MS-99", clock.instant()));

        List<NotificationCommand> sent = commands.readValuesToList();
        assertThat(sent).hasSize(2);
        NotificationCommand ours = sent.stream().filter(c -> c.ticketId().equals(ticketId)).findFirst().orElseThrow();
        NotificationCommand theirs = sent.stream().filter(c -> c.ticketId().equals(otherTicket)).findFirst().orElseThrow();
        assertThat(ours.addresses()).allMatch(a -> a.endsWith("@kunde.no"));
        assertThat(ours.text() + ours.html() + ours.subject()).doesNotContain("9999", "Printer", "annen", "MS-99");
        assertThat(theirs.addresses()).allMatch(a -> a.endsWith("@annen.no"));
        assertThat(theirs.text() + theirs.html() + theirs.subject()).doesNotContain("4711", "E-post", "kunde.no", "MS-42");
    }

    @Test
    void aNotificationWithoutAnyRecipientIsStillACommandSoThatTheSenderReportsItAsFailed() {
        customers.pipeInput(customerId, customer(customerId, "Kunde AS", CustomerLocale.NB, List.of(), clock.instant()));
        tickets.pipeInput(ticketId, Events.ticketOpened(ticketId, customerId, "4711", "Telefon virker ikke",
                person("Kari Nordmann", ""), clock.instant()));
        openEscalation();

        NotificationCommand command = commands.readValue();
        assertThat(command.recipients()).isEmpty();
        assertThat(command.undeliverable()).startsWith("no recipients").contains(customerId);
        assertThat(driver.producedTopicNames()).as("failures are reported by the sender only")
                .doesNotContain(Topics.NOTIFICATION_EVENTS.name());
        assertThat(history()).extracting(AuditEntry::status).containsExactly(AuditEntry.Status.PENDING);
    }

    @Test
    void aCauseOfATicketStillUnknownAfterTheGraceIsNotSentToTheCustomerTheEscalationNamesButReportedAsFailed() {
        customers.pipeInput(customerId, customer(customerId, "Kunde AS", CustomerLocale.NB,
                List.of(person("IT-drift", "drift@kunde.no")), clock.instant()));
        openEscalation();
        advance(Duration.ofMinutes(14));
        assertThat(commands.isEmpty()).as("waits for the ticket during the grace").isTrue();

        advance(Duration.ofMinutes(2));

        NotificationCommand command = commands.readValue();
        assertThat(command.recipients()).as("the escalation's customer is not verified").isEmpty();
        assertThat(command.undeliverable()).startsWith("ticket unknown").contains(ticketId);
        assertThat(commands.isEmpty()).isTrue();
        assertThat(driver.producedTopicNames()).doesNotContain(Topics.NOTIFICATION_EVENTS.name());

        advance(Duration.ofHours(5));
        assertThat(commands.isEmpty()).as("no reminder for an unverified customer").isTrue();
    }

    @Test
    void aCauseThatArrivedBeforeItsTicketIsMeasuredUnderThePolicyInForceWhenTheTicketWasOpened() throws Exception {
        // until 08:30 the cadence is 4 hours, from 08:30 one hour; the ticket was opened at 08:00
        start(PolicyFile.fromFile(Path.of(getClass().getResource("/policy/two-versions-policy.yaml").toURI())));
        customers.pipeInput(customerId, customer(customerId, "Kunde AS", CustomerLocale.NB,
                List.of(person("IT-drift", "drift@kunde.no")), clock.instant()));
        advance(Duration.ofMinutes(40)); // 08:40
        openEscalation();
        tickets.pipeInput(ticketId, Events.ticketOpened(ticketId, customerId, "4711", "E-post virker ikke",
                person("Kari Nordmann", "kari@kunde.no"), MONDAY_0800));
        assertThat(commands.readValue().template()).isEqualTo(NotificationTemplate.VENDOR_ESCALATION_OPENED);

        advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(commands.isEmpty()).as("the one-hour cadence of the event's time does not apply").isTrue();

        advance(Duration.ofHours(3));
        assertThat(commands.readValue().template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
    }

    @Test
    void aCauseWaitingForItsCustomerIsSentInTheCustomersLanguageOnceTheCustomerIsInTheDirectory() {
        tickets.pipeInput(ticketId, Events.ticketOpened(ticketId, customerId, "4711", "E-post virker ikke",
                person("Kari Nordmann", "kari@kunde.no"), clock.instant()));
        openEscalation();
        escalations.pipeInput(ticketId, Events.vendorStatus(id(), ticketId, customerId, escalationId, "MS-42",
                VendorCaseStatus.INVESTIGATING, "Looking into it", clock.instant()));
        assertThat(commands.isEmpty()).isTrue();

        customers.pipeInput(customerId, customer(customerId, "Kunde AS", CustomerLocale.EN,
                List.of(person("IT-drift", "drift@kunde.no")), clock.instant()));
        advance(CHECK);

        List<NotificationCommand> sent = commands.readValuesToList();
        assertThat(sent).extracting(NotificationCommand::template).containsExactly(
                NotificationTemplate.VENDOR_ESCALATION_OPENED, NotificationTemplate.VENDOR_STATUS_CHANGED);
        assertThat(sent).allSatisfy(c -> {
            assertThat(c.locale()).isEqualTo(CustomerLocale.EN);
            assertThat(c.addresses()).containsExactly("kari@kunde.no", "drift@kunde.no");
        });
    }

    @Test
    void theCustomerDirectoryIsAGlobalStoreSoNoTopicNeedsToBeCoPartitionedWithTheCustomers() {
        TopologyDescription description = NotificationTopology.build(settings(clock, PolicyFile.defaultPolicy(),
                meters), topics, new MailComposer()).describe();

        assertThat(description.globalStores()).anySatisfy(global -> {
            assertThat(global.source().topicSet()).containsExactly(Topics.CUSTOMERS.name());
            assertThat(global.processor().stores()).containsExactly(StoreNames.CUSTOMER_DIRECTORY);
        });
        List<TopologyDescription.Node> nodes = description.subtopologies().stream()
                .flatMap(sub -> sub.nodes().stream()).toList();
        assertThat(description.subtopologies()).hasSize(1);
        assertThat(nodes).filteredOn(TopologyDescription.Source.class::isInstance)
                .allSatisfy(source -> assertThat(((TopologyDescription.Source) source).topicSet())
                        .doesNotContain(Topics.CUSTOMERS.name()));
        assertThat(nodes).filteredOn(TopologyDescription.Sink.class::isInstance)
                .extracting(sink -> ((TopologyDescription.Sink) sink).topic())
                .containsExactlyInAnyOrder(topics.commands().name(), Topics.TICKET_EVENTS.deadLetterTopicName(),
                        Topics.ESCALATION_EVENTS.deadLetterTopicName(), Topics.NOTIFICATION_EVENTS.deadLetterTopicName());
    }

    // ---- old history -----------------------------------------------------------------------------

    @Test
    void aCauseOlderThanTheMaximumAgeIsNotToldButCounted() {
        knownCustomerAndTicket(CustomerLocale.NB);
        escalations.pipeInput(ticketId, Events.vendorOpened(id(), ticketId, customerId, escalationId, "MS-42",
                clock.instant().minus(Duration.ofDays(91))));
        assertThat(commands.isEmpty()).isTrue();
        assertThat(meters.counter("support.notifications.stale.causes").count()).isEqualTo(1);

        escalations.pipeInput(ticketId, Events.vendorStatus(id(), ticketId, customerId, escalationId, "MS-42",
                VendorCaseStatus.INVESTIGATING, "Looking into it", clock.instant().minus(Duration.ofDays(89))));
        assertThat(commands.readValue().template()).isEqualTo(NotificationTemplate.VENDOR_STATUS_CHANGED);
        assertThat(meters.counter("support.notifications.stale.causes").count()).isEqualTo(1);
    }

    // ---- failures --------------------------------------------------------------------------------

    @Test
    void aStoredValueThatCannotBeReadDeadLettersTheRecordWithoutMarkingItToldSoItsReplayIsTold() {
        knownCustomerAndTicket(CustomerLocale.NB);
        corruptHistory();
        EscalationEvent opened = Events.vendorOpened(id(), ticketId, customerId, escalationId, "MS-42",
                clock.instant());

        escalations.pipeInput(ticketId, opened);

        TestOutputTopic<String, byte[]> dlt = driver.createOutputTopic(Topics.ESCALATION_EVENTS.deadLetterTopicName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        TestRecord<String, byte[]> dead = dlt.readRecord();
        assertThat(dead.key()).isEqualTo(ticketId);
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).contains("SerializationException");
        assertThat(commands.isEmpty()).isTrue();

        // the stream goes on
        String otherTicket = "ticket-" + id();
        tickets.pipeInput(otherTicket, Events.ticketOpened(otherTicket, customerId, "4712", "Teams",
                person("Kari Nordmann", "kari@kunde.no"), clock.instant()));
        escalations.pipeInput(otherTicket, Events.vendorOpened(id(), otherTicket, customerId, "esc-2", "MS-43",
                clock.instant()));
        assertThat(commands.readValue().ticketId()).isEqualTo(otherTicket);

        // the fault fixed, the dead letter replayed: told once
        repairHistory();
        escalations.pipeInput(ticketId, opened);
        assertThat(commands.readValuesToList()).extracting(NotificationCommand::causeEventId)
                .containsExactly(opened.getEventId());
        escalations.pipeInput(ticketId, opened);
        assertThat(commands.isEmpty()).isTrue();
    }

    // ---- cadence ---------------------------------------------------------------------------------

    @Test
    void theStillWorkingReminderFiresWhenTheCadenceOfBusinessTimeHasPassedWithoutNews() {
        knownCustomerAndTicket(CustomerLocale.NB);
        openEscalation();
        commands.readValuesToList();

        advance(Duration.ofHours(4).minusMinutes(1));
        assertThat(commands.isEmpty()).as("nothing before 12:00, four business hours after the 08:00 mail").isTrue();

        advance(Duration.ofMinutes(2));
        NotificationCommand reminder = commands.readValue();
        assertThat(reminder.template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
        assertThat(reminder.subject()).contains("4711", "Microsoft", "jobber fortsatt");
        assertThat(reminder.recipients()).extracting(Contact::email).contains("kari@kunde.no", "drift@kunde.no");
        assertThat(commands.isEmpty()).isTrue();

        // the next one four business hours after that reminder (12:01): 3 h 59 min on Monday, 1 min on Tuesday
        advance(Duration.ofHours(4).plusMinutes(29)); // Monday 16:30, closed
        assertThat(commands.isEmpty()).isTrue();
        advance(Duration.ofHours(14).plusMinutes(32)); // Tuesday 07:02
        assertThat(commands.readValue().template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
    }

    @Test
    void theReminderCountsBusinessTimeOnlySoItWaitsOverTheNight() {
        advance(Duration.ofHours(7)); // Monday 15:00
        knownCustomerAndTicket(CustomerLocale.NB);
        openEscalation();
        commands.readValuesToList();

        advance(Duration.ofHours(18).minusMinutes(1)); // Tuesday 08:59: 1 h Monday + 1 h 59 min Tuesday
        assertThat(commands.isEmpty()).isTrue();
        advance(Duration.ofHours(1).plusMinutes(2)); // Tuesday 10:01: 4 business hours passed at 10:00
        assertThat(commands.readValue().template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
    }

    @Test
    void noReminderWhenAnUpdateWasSentInTime() {
        knownCustomerAndTicket(CustomerLocale.NB);
        openEscalation();
        advance(Duration.ofHours(2)); // 10:00
        escalations.pipeInput(ticketId, Events.vendorStatus(id(), ticketId, customerId, escalationId, "MS-42",
                VendorCaseStatus.FIX_IN_PROGRESS, "Fix under way", clock.instant()));
        assertThat(commands.readValuesToList()).extracting(NotificationCommand::template).containsExactly(
                NotificationTemplate.VENDOR_ESCALATION_OPENED, NotificationTemplate.VENDOR_STATUS_CHANGED);

        advance(Duration.ofHours(3)); // 13:00: past the first mail's 12:00, not the update's 14:00
        assertThat(commands.isEmpty()).isTrue();

        advance(Duration.ofHours(1).plusMinutes(1)); // 14:01
        assertThat(commands.readValue().template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
    }

    @Test
    void theReminderCountsFromWhenTheMailWasActuallySent() {
        knownCustomerAndTicket(CustomerLocale.NB);
        openEscalation();
        NotificationCommand opened = commands.readValue();

        advance(Duration.ofHours(1)); // the mail server was down; the mail went out at 09:00
        notifications.pipeInput(ticketId, Events.notified(ticketId, customerId, opened.notificationId(),
                opened.causeEventId(), opened.template(), clock.instant(), opened.addresses()));
        assertThat(history()).extracting(AuditEntry::status).containsExactly(AuditEntry.Status.SENT);

        advance(Duration.ofHours(3).plusMinutes(30)); // 12:30
        assertThat(commands.isEmpty()).isTrue();
        advance(Duration.ofMinutes(31)); // 13:01
        assertThat(commands.readValue().template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
    }

    @Test
    void noReminderOnceTheEscalationIsClosedOrTheTicketResolved() {
        knownCustomerAndTicket(CustomerLocale.NB);
        openEscalation();
        escalations.pipeInput(ticketId, Events.vendorClosed(id(), ticketId, customerId, escalationId, "MS-42", null,
                clock.instant()));
        String secondTicket = "ticket-" + id();
        tickets.pipeInput(secondTicket, Events.ticketOpened(secondTicket, customerId, "4712", "Teams",
                person("Kari Nordmann", "kari@kunde.no"), clock.instant()));
        escalations.pipeInput(secondTicket, Events.vendorOpened(id(), secondTicket, customerId, "esc-2", "MS-43",
                clock.instant()));
        tickets.pipeInput(secondTicket, Events.ticketResolved(secondTicket, customerId, clock.instant()));
        assertThat(commands.readValuesToList()).hasSize(3);

        advance(Duration.ofHours(9));

        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void remindersStopWhileTheTicketIsResolvedAndStartAgainFromTheReopening() {
        knownCustomerAndTicket(CustomerLocale.NB);
        openEscalation();
        commands.readValuesToList();
        advance(Duration.ofHours(1)); // 09:00
        tickets.pipeInput(ticketId, Events.ticketResolved(ticketId, customerId, clock.instant()));

        advance(Duration.ofHours(4).plusMinutes(1)); // 13:01: past the 12:00 reminder
        assertThat(commands.isEmpty()).isTrue();
        tickets.pipeInput(ticketId, Events.ticketReopened(ticketId, customerId, clock.instant()));

        // four business hours from 13:01: 2 h 59 min on Monday, 1 h 1 min on Tuesday
        advance(Duration.ofHours(2).plusMinutes(58)); // Monday 15:59
        assertThat(commands.isEmpty()).isTrue();
        advance(Duration.ofHours(16).plusMinutes(3)); // Tuesday 08:02
        assertThat(commands.readValue().template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void aReminderThatFailsIsNotLostButSentOnceTheFaultIsGone() {
        knownCustomerAndTicket(CustomerLocale.NB);
        openEscalation();
        commands.readValuesToList();
        corruptHistory();

        advance(Duration.ofHours(4).plusMinutes(1)); // 12:01: the reminder is due, but cannot be recorded
        assertThat(commands.isEmpty()).isTrue();

        repairHistory();
        advance(CHECK);
        assertThat(commands.readValue().template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
        advance(CHECK);
        assertThat(commands.isEmpty()).isTrue();
    }

    // ---- poison records --------------------------------------------------------------------------

    @Test
    void undecodableRecordsOnEveryInputGoToThatTopicsDeadLetterTopicAndTheNextRecordIsProcessed() {
        for (Topic<String, ?> topic : List.of(Topics.TICKET_EVENTS, Topics.ESCALATION_EVENTS,
                Topics.NOTIFICATION_EVENTS)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(topic.name(), new StringSerializer(),
                    new ByteArraySerializer());
            raw.pipeInput("poison-key", "not avro".getBytes(StandardCharsets.UTF_8));
            TestOutputTopic<String, byte[]> dlt = driver.createOutputTopic(topic.deadLetterTopicName(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            TestRecord<String, byte[]> dead = dlt.readRecord();
            assertThat(dead.key()).isEqualTo("poison-key");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
            Headers headers = dead.headers();
            assertThat(header(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic.name());
            assertThat(header(headers, DeadLetterHeaders.REASON)).contains("SerializationException");
            assertThat(header(headers, DeadLetterHeaders.SERVICE)).isEqualTo("notification-service");
            assertThat(header(headers, DeadLetterHeaders.ORIGINAL_OFFSET)).isNotBlank();
            assertThat(meters.counter("support.dead.letters", "topic", topic.name()).count()).isEqualTo(1);
        }
        // the global stores skip what they cannot read (the customers' dead letters are CustomerDirectoryCheck's)
        driver.createInputTopic(Topics.CUSTOMERS.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(customerId, "not avro".getBytes(StandardCharsets.UTF_8));

        knownCustomerAndTicket(CustomerLocale.NB);
        openEscalation();
        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void aTombstoneOnAnInputIsSkippedNotDeadLetteredAndTheNextRecordIsProcessed() {
        for (Topic<String, ?> topic : List.of(Topics.TICKET_EVENTS, Topics.ESCALATION_EVENTS,
                Topics.NOTIFICATION_EVENTS)) {
            driver.createInputTopic(topic.name(), new StringSerializer(), new ByteArraySerializer())
                    .pipeInput(ticketId, (byte[]) null);
            assertThat(driver.createOutputTopic(topic.deadLetterTopicName(), new StringDeserializer(),
                    new ByteArrayDeserializer()).isEmpty()).as("%s.DLT", topic.name()).isTrue();
            assertThat(meters.counter("support.dead.letters", "topic", topic.name()).count()).isZero();
        }

        knownCustomerAndTicket(CustomerLocale.NB);
        openEscalation();
        assertThat(commands.readValuesToList()).hasSize(1);
    }

    @Test
    void aPoisonRecordOnTheInternalSentTopicIsSkippedAndTheNextMarkerIsTaken() {
        TestInputTopic<String, byte[]> sent = driver.createInputTopic(topics.sent().name(), new StringSerializer(),
                new ByteArraySerializer());
        String notificationId = id();
        sent.pipeInput("poison-" + notificationId, "not json".getBytes(StandardCharsets.UTF_8));
        sent.pipeInput(notificationId, JsonSerde.of(SentMarker.class).encode(new SentMarker(notificationId, id(),
                NotificationTemplate.VENDOR_ESCALATION_OPENED, ticketId, customerId, CustomerLocale.NB,
                List.of("kari@kunde.no"), "subject", clock.instant(), List.of())));

        KeyValueStore<String, SentMarker> view = driver.getKeyValueStore(StoreNames.SENT);
        assertThat(view.get("poison-" + notificationId)).isNull();
        assertThat(view.get(notificationId).recipients()).containsExactly("kari@kunde.no");
    }

    @Test
    void aCustomerRecordWhoseKeyIsAnotherCustomerIsNotTakenIntoTheDirectory() {
        customers.pipeInput("someone-else", customer(customerId, "Kunde AS", CustomerLocale.EN,
                List.of(person("IT", "it@kunde.no")), clock.instant()));

        KeyValueStore<String, Object> directory = driver.getKeyValueStore(StoreNames.CUSTOMER_DIRECTORY);
        assertThat(directory.get("someone-else")).isNull();
        assertThat(directory.get(customerId)).isNull();
    }

    @Test
    void aTombstoneRemovesTheCustomer() {
        knownCustomerAndTicket(CustomerLocale.EN);
        customers.pipeInput(customerId, (Customer) null);
        openEscalation();
        assertThat(commands.isEmpty()).as("waits for the customer").isTrue();
    }

    /** A stored audit history written by an incompatible version: reading it fails with a SerializationException. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void corruptHistory() {
        KeyValueStore<String, Object> raw = (KeyValueStore) driver.getKeyValueStore(StoreNames.HISTORY);
        raw.put(ticketId, Map.of("entries", List.of(Map.of("state", "from another version"))));
    }

    /** The fault fixed: the history readable again (a delete would read the old value back). */
    private void repairHistory() {
        driver.<String, NotificationHistory>getKeyValueStore(StoreNames.HISTORY).put(ticketId,
                NotificationHistory.empty());
    }

    private List<AuditEntry> history() {
        KeyValueStore<String, NotificationHistory> store = driver.getKeyValueStore(StoreNames.HISTORY);
        NotificationHistory history = store.get(ticketId);
        return history == null ? List.of() : history.entries();
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
