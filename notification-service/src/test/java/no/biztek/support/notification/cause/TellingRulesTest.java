package no.biztek.support.notification.cause;

import static no.biztek.support.notification.cause.Fixtures.GRACE;
import static no.biztek.support.notification.cause.Fixtures.MONDAY_0800;
import static no.biztek.support.notification.cause.Fixtures.TICKET;
import static no.biztek.support.notification.cause.Fixtures.customer;
import static no.biztek.support.notification.cause.Fixtures.draft;
import static no.biztek.support.notification.cause.Fixtures.escalation;
import static no.biztek.support.notification.cause.Fixtures.monday;
import static no.biztek.support.notification.cause.Fixtures.snapshot;
import static no.biztek.support.notification.cause.Fixtures.ticket;
import static no.biztek.support.notification.cause.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.notification.NotificationTemplate;

/** Parking a notification until its ticket and customer are known, and what happens when they are not in time. */
class TellingRulesTest {

    private final TellingRules rules = StageRules.of(Fixtures.settings()).telling();
    private final Waiting opened = waiting(draft("cause-1", NotificationTemplate.VENDOR_ESCALATION_OPENED, MONDAY_0800),
            MONDAY_0800, 0);

    @Test
    void aNotificationOfAnUnknownTicketWaitsOutTheGraceThenGoesToNobodyAndIsReportedAsFailed() {
        TicketSnapshot unknown = snapshot(null, null, List.of(escalation(null)), List.of(opened));

        Decision waits = rules.recheck(opened, unknown, MONDAY_0800.plus(GRACE).minusSeconds(1));
        assertThat(waits.outcome()).isEqualTo(Decision.Outcome.STILL_WAITING);
        assertThat(waits.mails()).isEmpty();
        assertThat(waits.released()).isEmpty();

        Decision withheld = rules.recheck(opened, unknown, MONDAY_0800.plus(GRACE));
        assertThat(withheld.outcome()).isEqualTo(Decision.Outcome.WITHHELD);
        assertThat(withheld.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.withheld()).startsWith("ticket unknown").contains(TICKET);
            assertThat(mail.draft()).as("not completed from a ticket nobody verified").isEqualTo(opened.draft());
        });
        assertThat(withheld.released()).containsExactly(opened);
        assertThat(withheld.escalations()).as("no reminder for an unverified customer").isEmpty();
    }

    @Test
    void onceItsCustomerIsInTheDirectoryItGoesToTheCustomerCompletedFromItsTicketAndSetsTheReminder() {
        Decision decision = rules.recheck(opened, snapshot(ticket(), customer(CustomerLocale.EN),
                List.of(escalation(null)), List.of(opened)), monday("08:05"));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.RELEASED);
        assertThat(decision.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.customer()).isEqualTo(customer(CustomerLocale.EN));
            assertThat(mail.draft().ticketReference()).isEqualTo("4711");
            assertThat(mail.draft().requester()).isEqualTo(Fixtures.REQUESTER);
        });
        assertThat(decision.released()).containsExactly(opened);
        assertThat(decision.escalations()).singleElement()
                .satisfies(change -> assertThat(change.dueAfter()).isEqualTo(monday("12:05")));
    }

    @Test
    void withoutItsCustomerAfterTheGraceItGoesToTheRequesterOnly() {
        TicketSnapshot noCustomer = snapshot(ticket(), null, List.of(), List.of(opened));

        assertThat(rules.recheck(opened, noCustomer, MONDAY_0800.plus(Duration.ofMinutes(10))).outcome())
                .isEqualTo(Decision.Outcome.STILL_WAITING);

        Decision decision = rules.recheck(opened, noCustomer, MONDAY_0800.plus(GRACE));
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REQUESTER_ONLY);
        assertThat(decision.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.customer()).isNull();
            assertThat(mail.withheld()).isNull();
            assertThat(mail.draft().requester()).isEqualTo(Fixtures.REQUESTER);
        });
        assertThat(decision.released()).containsExactly(opened);
    }

    @Test
    void waitingNotificationsAreLookedAtOldestDecisionFirstAndWithinAMillisecondInTheOrderDecided() {
        Waiting later = waiting(draft("later", NotificationTemplate.VENDOR_STATUS_CHANGED, MONDAY_0800.plusMillis(1)),
                MONDAY_0800, 0);
        Waiting sameMillisecondSecond = waiting(draft("b", NotificationTemplate.VENDOR_STATUS_CHANGED, MONDAY_0800),
                MONDAY_0800, 1);

        assertThat(TellingRules.inDecisionOrder(List.of(later, sameMillisecondSecond, opened)))
                .containsExactly(opened, sameMillisecondSecond, later);
    }
}
