package no.biztek.support.notification.cause;

import static no.biztek.support.notification.cause.Fixtures.CUSTOMER;
import static no.biztek.support.notification.cause.Fixtures.MONDAY_0800;
import static no.biztek.support.notification.cause.Fixtures.TICKET;
import static no.biztek.support.notification.cause.Fixtures.customer;
import static no.biztek.support.notification.cause.Fixtures.draft;
import static no.biztek.support.notification.cause.Fixtures.escalation;
import static no.biztek.support.notification.cause.Fixtures.monday;
import static no.biztek.support.notification.cause.Fixtures.snapshot;
import static no.biztek.support.notification.cause.Fixtures.ticket;
import static no.biztek.support.notification.cause.Fixtures.tuesday;
import static no.biztek.support.notification.cause.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.notification.Events;
import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.ticket.TicketEvent;

class TicketRulesTest {

    private final TicketRules rules = StageRules.of(Fixtures.settings()).tickets();

    private static TicketEvent ticketOpened() {
        return Events.ticketOpened(TICKET, CUSTOMER, "4711", "E-post virker ikke",
                Events.person("Kari Nordmann", "kari@kunde.no"), MONDAY_0800);
    }

    @Test
    void aTicketOpenedRulesItsEscalationsWithItsCustomerAndThePolicyInForceWhenItWasOpened() {
        // until 08:30 the cadence is 4 hours, from 08:30 one hour; the escalation came first, at 08:40
        PipelineSettings settings = Fixtures.settings(PolicyFile.fromClasspath("policy/two-versions-policy.yaml"));
        EscalationState named = new EscalationState(TICKET, "named-by-the-event", "e-1",
                Vendor.MICROSOFT, "M365", "MS-42", null, null, monday("08:40"),
                settings.policyAt(monday("08:40")).id(), null);

        Decision decision = StageRules.of(settings).tickets().decide(ticketOpened(),
                snapshot(null, null, List.of(named), List.of()), monday("08:45"));

        assertThat(decision.ticket()).isEqualTo(ticket());
        assertThat(decision.escalations()).singleElement().satisfies(change -> {
            assertThat(change.after().customerId()).isEqualTo(CUSTOMER);
            assertThat(change.after().policyId()).isEqualTo(settings.policyAt(MONDAY_0800).id());
            assertThat(change.dueAfter()).as("four hours, the cadence of the ticket's policy").isEqualTo(monday("12:45"));
        });
    }

    @Test
    void aTicketOpenedSendsItsWaitingNotificationsOnceItsCustomerIsKnown() {
        Waiting opened = waiting(draft("cause-1", NotificationTemplate.VENDOR_ESCALATION_OPENED, MONDAY_0800),
                MONDAY_0800, 0);

        Decision known = rules.decide(ticketOpened(), snapshot(null, customer(CustomerLocale.NB),
                List.of(escalation(null)), List.of(opened)), monday("08:10"));
        assertThat(known.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.draft().ticketReference()).isEqualTo("4711");
            assertThat(mail.customer()).isEqualTo(customer(CustomerLocale.NB));
        });
        assertThat(known.released()).containsExactly(opened);
        assertThat(known.escalations()).singleElement()
                .satisfies(change -> assertThat(change.dueAfter()).isEqualTo(monday("12:10")));

        Decision unknownCustomer = rules.decide(ticketOpened(), snapshot(null, null, List.of(escalation(null)),
                List.of(opened)), monday("08:10"));
        assertThat(unknownCustomer.mails()).isEmpty();
        assertThat(unknownCustomer.released()).as("waits for its customer").isEmpty();
        assertThat(unknownCustomer.escalations()).as("the escalation still owes the customer its reminders")
                .singleElement().satisfies(change -> assertThat(change.dueAfter()).isEqualTo(monday("12:10")));
    }

    @Test
    void aTicketOpenedAgainKeepsItResolvedAndStartsNoReminders() {
        Decision decision = rules.decide(ticketOpened(), snapshot(ticket().withResolved(true), null,
                List.of(escalation(null)), List.of()), monday("09:00"));

        assertThat(decision.ticket().resolved()).isTrue();
        assertThat(decision.escalations()).isEmpty();
    }

    @Test
    void resolvingStopsTheRemindersAndReopeningStartsThemACadenceFromThen() {
        Decision resolved = rules.decide(Events.ticketResolved(TICKET, CUSTOMER, monday("09:00")),
                snapshot(ticket(), null, List.of(escalation(monday("12:00"))), List.of()), monday("09:00"));
        assertThat(resolved.ticket().resolved()).isTrue();
        assertThat(resolved.escalations()).singleElement()
                .satisfies(change -> assertThat(change.dueAfter()).isNull());

        Decision reopened = rules.decide(Events.ticketReopened(TICKET, CUSTOMER, monday("13:01")),
                snapshot(ticket().withResolved(true), null, List.of(escalation(null)), List.of()), monday("13:01"));
        assertThat(reopened.ticket().resolved()).isFalse();
        assertThat(reopened.escalations()).singleElement()
                .satisfies(change -> assertThat(change.dueAfter()).isEqualTo(tuesday("08:01")));
    }

    @Test
    void reopeningATicketThatIsNotResolvedAndLifecycleEventsOfAnUnknownTicketChangeNothing() {
        TicketSnapshot open = snapshot(ticket(), null, List.of(escalation(monday("12:00"))), List.of());
        TicketSnapshot unknown = snapshot(null, null, List.of(escalation(null)), List.of());

        for (Decision decision : List.of(
                rules.decide(Events.ticketReopened(TICKET, CUSTOMER, monday("09:00")), open, monday("09:00")),
                rules.decide(Events.ticketReopened(TICKET, CUSTOMER, monday("09:00")), unknown, monday("09:00")),
                rules.decide(Events.ticketResolved(TICKET, CUSTOMER, monday("09:00")), unknown, monday("09:00")))) {
            assertThat(decision.ticket()).isNull();
            assertThat(decision.escalations()).isEmpty();
            assertThat(decision.mails()).isEmpty();
        }
    }

    @Test
    void onlyATicketOpenedNamesTheCustomerWhoseDirectoryEntryItNeeds() {
        assertThat(TicketRules.namedCustomer(ticketOpened())).isEqualTo(CUSTOMER);
        assertThat(TicketRules.namedCustomer(Events.ticketResolved(TICKET, "other", MONDAY_0800))).isNull();
    }
}
