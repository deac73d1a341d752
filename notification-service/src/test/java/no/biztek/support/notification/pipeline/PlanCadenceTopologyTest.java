package no.biztek.support.notification.pipeline;

import static no.biztek.support.notification.Events.customer;
import static no.biztek.support.notification.Events.id;
import static no.biztek.support.notification.Events.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.notification.Events;
import no.biztek.support.notification.delivery.InternalTopics;
import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.testing.MutableClock;

/**
 * The keep-informed cadence of a ticket's plan (policy/plans-policy.yaml: "standard" every 4 business hours,
 * "priority" every business hour, both on office hours 07-16), with TopologyTestDriver.
 */
class PlanCadenceTopologyTest {

    /** Monday 3 March 2025 08:00 in Oslo: inside opening hours (07-16). */
    private static final Instant MONDAY_0800 = Instant.parse("2025-03-03T07:00:00Z");

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(MONDAY_0800);
    private final InternalTopics topics = new InternalTopics("notification-service", 6);
    private final String customerId = "customer-" + id();
    private TopologyTestDriver driver;
    private TestInputTopic<String, TicketEvent> tickets;
    private TestInputTopic<String, EscalationEvent> escalations;
    private TestOutputTopic<String, NotificationCommand> commands;

    @BeforeEach
    void start() throws Exception {
        PlanCatalogue plans = PolicyFile.catalogueFromFile(
                Path.of(getClass().getResource("/policy/plans-policy.yaml").toURI()));
        driver = PipelineDriver.start(PipelineDriver.settings(clock, plans, meters), topics, stateDir, MONDAY_0800);
        tickets = input(Topics.TICKET_EVENTS);
        escalations = input(Topics.ESCALATION_EVENTS);
        commands = PipelineDriver.commands(driver, topics);
        TestInputTopic<String, Customer> customers = input(Topics.CUSTOMERS);
        customers.pipeInput(customerId, customer(customerId, "Kunde AS", CustomerLocale.NB,
                List.of(person("IT-drift", "drift@kunde.no")), clock.instant()));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return PipelineDriver.input(driver, topic);
    }

    /** A ticket opened now of the plan (null: TicketOpened names none), with a vendor escalation told now. */
    private String ticketWithEscalation(String plan) {
        String ticketId = "ticket-" + id();
        TicketEvent opened = Events.ticketOpened(ticketId, customerId, "4711", "E-post virker ikke",
                person("Kari Nordmann", "kari@kunde.no"), clock.instant());
        ((TicketOpened) opened.getPayload()).setPlan(plan);
        tickets.pipeInput(ticketId, opened);
        escalations.pipeInput(ticketId, Events.vendorOpened(id(), ticketId, customerId, "esc-" + id(), "MS-42",
                clock.instant()));
        return ticketId;
    }

    private void advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    private List<String> remindedTickets() {
        return commands.readValuesToList().stream()
                .filter(command -> command.template() == NotificationTemplate.VENDOR_STILL_WORKING)
                .map(NotificationCommand::ticketId).toList();
    }

    @Test
    void aTicketOfAPlanWithAShorterCadenceIsRemindedAtItsPlansCadence() {
        String priority = ticketWithEscalation("priority");
        String standard = ticketWithEscalation("standard");
        String noPlan = ticketWithEscalation(null);
        assertThat(commands.readValuesToList()).extracting(NotificationCommand::template)
                .containsOnly(NotificationTemplate.VENDOR_ESCALATION_OPENED).hasSize(3);

        advance(Duration.ofMinutes(59));
        assertThat(commands.isEmpty()).as("nothing before 09:00, a business hour after the 08:00 mail").isTrue();
        advance(Duration.ofMinutes(2)); // 09:01
        assertThat(remindedTickets()).containsExactly(priority);

        advance(Duration.ofHours(3)); // 12:01: four business hours after 08:00; priority's third reminder
        assertThat(remindedTickets()).containsExactlyInAnyOrder(priority, standard, noPlan);
    }

    @Test
    void aTicketOfAPlanThePolicyDoesNotKnowIsKeptInformedUnderTheDefaultPlanAndCounted() {
        String unknown = ticketWithEscalation("gold");
        commands.readValuesToList();

        advance(Duration.ofMinutes(61)); // 09:01
        assertThat(remindedTickets()).isEmpty();
        advance(Duration.ofHours(3)); // 12:01
        assertThat(remindedTickets()).containsExactly(unknown);
        assertThat(meters.get("support.notifications.unknown.plans").counter().count()).isEqualTo(1.0);
    }
}
