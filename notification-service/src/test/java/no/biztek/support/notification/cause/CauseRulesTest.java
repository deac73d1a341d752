package no.biztek.support.notification.cause;

import static no.biztek.support.notification.cause.Fixtures.CUSTOMER;
import static no.biztek.support.notification.cause.Fixtures.ESCALATION;
import static no.biztek.support.notification.cause.Fixtures.ESCALATION_KEY;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.notification.Events;
import no.biztek.support.notification.audit.AuditEntry;
import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.stage.Ids;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.notification.NotificationTemplate;

class CauseRulesTest {

    private final CauseRules rules = StageRules.of(Fixtures.settings()).causes();

    private static EscalationEvent opened(String cause, Instant at) {
        return Events.vendorOpened(cause, TICKET, CUSTOMER, ESCALATION, "MS-42", at);
    }

    // ---- whether a cause is new ----------------------------------------------------------------------

    @Test
    void aCauseIsToldOnceAndNotWhenOlderThanTheMaximumAge() {
        assertThat(rules.admit(opened("c", MONDAY_0800), false, MONDAY_0800)).isEqualTo(CauseRules.Admission.NEW);
        assertThat(rules.admit(opened("c", MONDAY_0800), true, MONDAY_0800)).isEqualTo(CauseRules.Admission.DUPLICATE);
        assertThat(rules.admit(opened("c", MONDAY_0800.minus(Duration.ofDays(91))), false, MONDAY_0800))
                .isEqualTo(CauseRules.Admission.STALE);
        assertThat(rules.admit(opened("c", MONDAY_0800.minus(Duration.ofDays(89))), false, MONDAY_0800))
                .isEqualTo(CauseRules.Admission.NEW);
    }

    @Test
    void onlyTheVendorEscalationConcernsTheCustomer() {
        assertThat(CauseRules.concernsCustomer(Events.onCallPaged(TICKET, CUSTOMER, MONDAY_0800))).isFalse();
        assertThat(CauseRules.concernsCustomer(opened("c", MONDAY_0800))).isTrue();
        assertThat(CauseRules.concernsCustomer(Events.vendorStatus("c", TICKET, CUSTOMER, ESCALATION, "MS-42",
                VendorCaseStatus.INVESTIGATING, "Looking into it", MONDAY_0800))).isTrue();
        assertThat(CauseRules.concernsCustomer(Events.vendorClosed("c", TICKET, CUSTOMER, ESCALATION, "MS-42", null,
                MONDAY_0800))).isTrue();
    }

    // ---- what a vendor event means -------------------------------------------------------------------

    @Test
    void anOpenedEscalationOfAKnownTicketIsOneMailToItsCustomerAndSetsTheReminder() {
        Decision decision = rules.decide(opened("cause-1", MONDAY_0800),
                snapshot(ticket(), customer(CustomerLocale.EN), List.of(), List.of()), MONDAY_0800);

        assertThat(decision.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.customer()).isEqualTo(customer(CustomerLocale.EN));
            assertThat(mail.withheld()).isNull();
            assertThat(mail.draft().notificationId())
                    .isEqualTo(Ids.notificationId("cause-1", NotificationTemplate.VENDOR_ESCALATION_OPENED));
            assertThat(mail.draft().ticketReference()).isEqualTo("4711");
            assertThat(mail.draft().requester()).isEqualTo(Fixtures.REQUESTER);
        });
        assertThat(decision.escalations()).singleElement().satisfies(change -> {
            assertThat(change.before()).isNull();
            assertThat(change.after().status()).isEqualTo(VendorCaseStatus.REPORTED);
            assertThat(change.after().customerId()).isEqualTo(CUSTOMER);
            assertThat(change.dueAfter()).isEqualTo(monday("12:00"));
        });
        assertThat(decision.pending()).extracting(AuditEntry::notificationId)
                .containsExactly(decision.mails().get(0).draft().notificationId());
        assertThat(decision.told()).isEqualTo("cause-1");
        assertThat(decision.parked()).isNull();
        assertThat(decision.ticket()).as("the ticket is unchanged").isNull();
    }

    @Test
    void aCauseBeforeItsTicketWaitsForItUnderTheCustomerTheEventNamesAndSetsNoReminder() {
        Decision decision = rules.decide(opened("cause-1", MONDAY_0800), snapshot(null, null, List.of(), List.of()),
                MONDAY_0800);

        assertThat(decision.mails()).isEmpty();
        assertThat(decision.parked().waitingFor()).isEqualTo("its ticket's TicketOpened");
        assertThat(decision.parked().parked().parkedAt()).isEqualTo(MONDAY_0800);
        assertThat(decision.parked().parked().draft().ticketReference()).isEqualTo(TICKET);
        assertThat(decision.parked().parked().draft().customerId()).isEqualTo(CUSTOMER);
        assertThat(decision.escalations()).singleElement().satisfies(change -> assertThat(change.dueAfter()).isNull());
        assertThat(decision.pending()).hasSize(1);
        assertThat(decision.told()).as("waiting counts as told: it is not decided again").isEqualTo("cause-1");
    }

    @Test
    void aCauseOfACustomerNotInTheDirectoryWaitsAfterTheTicketsOthers() {
        Waiting before = waiting(draft("earlier", NotificationTemplate.VENDOR_STATUS_CHANGED, MONDAY_0800),
                MONDAY_0800, 2);

        Decision decision = rules.decide(opened("cause-1", MONDAY_0800),
                snapshot(ticket(), null, List.of(), List.of(before)), MONDAY_0800);

        assertThat(decision.mails()).isEmpty();
        assertThat(decision.released()).isEmpty();
        assertThat(decision.parked().waitingFor()).isEqualTo("customer c-1's directory entry");
        assertThat(decision.parked().parked().sequence()).isEqualTo(3);
        assertThat(decision.parked().parked().draft().ticketReference()).as("completed from its ticket")
                .isEqualTo("4711");
    }

    @Test
    void theTicketsWaitingNotificationsGoFirstInTheOrderTheyWereDecided() {
        Waiting second = waiting(draft("second", NotificationTemplate.VENDOR_STATUS_CHANGED, MONDAY_0800), MONDAY_0800, 1);
        Waiting first = waiting(draft("first", NotificationTemplate.VENDOR_ESCALATION_OPENED, MONDAY_0800), MONDAY_0800, 0);

        Decision decision = rules.decide(Events.vendorStatus("third", TICKET, CUSTOMER, ESCALATION, "MS-42",
                        VendorCaseStatus.INVESTIGATING, "Looking into it", MONDAY_0800),
                snapshot(ticket(), customer(CustomerLocale.NB), List.of(escalation(null)), List.of(second, first)),
                MONDAY_0800);

        assertThat(decision.mails()).extracting(mail -> mail.draft().causeEventId())
                .containsExactly("first", "second", "third");
        assertThat(decision.mails()).extracting(mail -> mail.draft().ticketReference()).containsOnly("4711");
        assertThat(decision.released()).containsExactly(first, second);
        assertThat(decision.parked()).isNull();
    }

    @Test
    void aStatusChangeRecordsTheNewStatusAndMovesTheReminder() {
        Decision unknown = rules.decide(statusChanged(monday("10:00")),
                snapshot(ticket(), customer(CustomerLocale.NB), List.of(), List.of()), monday("10:00"));
        assertThat(unknown.escalations()).singleElement().satisfies(change -> {
            assertThat(change.after().status()).isEqualTo(VendorCaseStatus.FIX_IN_PROGRESS);
            assertThat(change.after().vendorMessage()).isEqualTo("Fix under way");
        });

        Decision known = rules.decide(statusChanged(monday("10:00")),
                snapshot(ticket(), customer(CustomerLocale.NB), List.of(escalation(monday("12:00"))), List.of()),
                monday("10:00"));
        assertThat(known.mails()).extracting(mail -> mail.draft().template())
                .containsExactly(NotificationTemplate.VENDOR_STATUS_CHANGED);
        assertThat(known.escalations()).singleElement().satisfies(change -> {
            assertThat(change.dueBefore()).isEqualTo(monday("12:00"));
            assertThat(change.dueAfter()).isEqualTo(monday("14:00"));
        });
    }

    @Test
    void aClosedEscalationIsForgottenWithItsReminder() {
        Decision decision = rules.decide(Events.vendorClosed("closed", TICKET, CUSTOMER, ESCALATION, "MS-42",
                        "Fixed in tenant", MONDAY_0800),
                snapshot(ticket(), customer(CustomerLocale.NB), List.of(escalation(monday("12:00"))), List.of()),
                MONDAY_0800);

        assertThat(decision.escalations()).singleElement().satisfies(change -> {
            assertThat(change.after()).isNull();
            assertThat(change.dueBefore()).isEqualTo(monday("12:00"));
        });
        assertThat(decision.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.draft().template()).isEqualTo(NotificationTemplate.VENDOR_ESCALATION_CLOSED);
            assertThat(mail.draft().resolution()).isEqualTo("Fixed in tenant");
        });
    }

    @Test
    void theTicketsCustomerIsToldNotTheOneTheEventNames() {
        EscalationEvent event = Events.vendorOpened("cause-1", TICKET, "someone-else", ESCALATION, "MS-42", MONDAY_0800);
        TicketSnapshot snapshot = snapshot(ticket(), customer(CustomerLocale.NB), List.of(), List.of());

        Decision decision = rules.decide(event, snapshot, MONDAY_0800);

        assertThat(CauseRules.namesAnotherCustomer(event, snapshot)).isTrue();
        assertThat(decision.mails().get(0).draft().customerId()).isEqualTo(CUSTOMER);
        assertThat(decision.escalations().get(0).after().customerId()).isEqualTo(CUSTOMER);
    }

    // ---- keep-informed reminders -----------------------------------------------------------------------

    @Test
    void aDueReminderIsAStillWorkingMailToldOnceAndTheNextIsACadenceLater() {
        ReminderTimer timer = new ReminderTimer(ESCALATION_KEY, monday("12:00"));

        Decision decision = rules.remind(timer, snapshot(ticket(), customer(CustomerLocale.NB),
                List.of(escalation(monday("12:00"))), List.of()), false, monday("12:01"));

        String cause = Ids.reminderCause(ESCALATION_KEY, monday("12:00").toEpochMilli());
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REMINDED);
        assertThat(decision.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.draft().template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
            assertThat(mail.draft().causeEventId()).isEqualTo(cause);
        });
        assertThat(rules.reminderCause(timer)).isEqualTo(cause);
        assertThat(decision.told()).isEqualTo(cause);
        assertThat(decision.spent()).isEqualTo(timer);
        assertThat(decision.escalations()).singleElement()
                .satisfies(change -> assertThat(change.dueAfter()).isEqualTo(tuesday("07:01")));
    }

    @Test
    void aTimerThatNoLongerStandsForTheReminderIsOnlySpent() {
        ReminderTimer timer = new ReminderTimer(ESCALATION_KEY, monday("12:00"));

        Decision moved = rules.remind(timer, snapshot(ticket(), customer(CustomerLocale.NB),
                List.of(escalation(monday("14:00"))), List.of()), false, monday("12:01"));
        Decision gone = rules.remind(timer, null, false, monday("12:01"));

        for (Decision decision : List.of(moved, gone)) {
            assertThat(decision.outcome()).isEqualTo(Decision.Outcome.TIMER_SPENT);
            assertThat(decision.spent()).isEqualTo(timer);
            assertThat(decision.escalations()).isEmpty();
            assertThat(decision.mails()).isEmpty();
            assertThat(decision.told()).isNull();
        }
    }

    @Test
    void noReminderWhileTheTicketIsResolvedOrUnknown() {
        ReminderTimer timer = new ReminderTimer(ESCALATION_KEY, monday("12:00"));
        List<EscalationState> due = List.of(escalation(monday("12:00")));

        for (TicketInfo ticket : new TicketInfo[] {ticket().withResolved(true), null}) {
            Decision decision = rules.remind(timer, snapshot(ticket, customer(CustomerLocale.NB), due, List.of()),
                    false, monday("12:01"));

            assertThat(decision.outcome()).isEqualTo(Decision.Outcome.TIMER_SPENT);
            assertThat(decision.mails()).isEmpty();
            assertThat(decision.escalations()).singleElement()
                    .satisfies(change -> assertThat(change.dueAfter()).isNull());
        }
    }

    @Test
    void aReminderToldBeforeIsNotToldAgain() {
        ReminderTimer timer = new ReminderTimer(ESCALATION_KEY, monday("12:00"));

        Decision decision = rules.remind(timer, snapshot(ticket(), customer(CustomerLocale.NB),
                List.of(escalation(monday("12:00"))), List.of()), true, monday("12:01"));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.TIMER_SPENT);
        assertThat(decision.spent()).isEqualTo(timer);
        assertThat(decision.mails()).isEmpty();
        assertThat(decision.escalations()).isEmpty();
    }

    @Test
    void aReminderForACustomerNotInTheDirectoryWaitsAndItsTimerIsSpent() {
        ReminderTimer timer = new ReminderTimer(ESCALATION_KEY, monday("12:00"));

        Decision decision = rules.remind(timer, snapshot(ticket(), null, List.of(escalation(monday("12:00"))),
                List.of()), false, monday("12:01"));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REMINDED);
        assertThat(decision.mails()).isEmpty();
        Draft parked = decision.parked().parked().draft();
        assertThat(parked.template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
        assertThat(decision.spent()).isEqualTo(timer);
        assertThat(decision.told()).isEqualTo(parked.causeEventId());
        assertThat(decision.escalations()).as("moved once the reminder goes out").isEmpty();
    }

    private static EscalationEvent statusChanged(Instant at) {
        return Events.vendorStatus("status", TICKET, CUSTOMER, ESCALATION, "MS-42", VendorCaseStatus.FIX_IN_PROGRESS,
                "Fix under way", at);
    }
}
