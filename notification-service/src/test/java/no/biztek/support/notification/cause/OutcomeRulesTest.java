package no.biztek.support.notification.cause;

import static no.biztek.support.notification.cause.Fixtures.CUSTOMER;
import static no.biztek.support.notification.cause.Fixtures.MONDAY_0800;
import static no.biztek.support.notification.cause.Fixtures.TICKET;
import static no.biztek.support.notification.cause.Fixtures.escalation;
import static no.biztek.support.notification.cause.Fixtures.monday;
import static no.biztek.support.notification.cause.Fixtures.snapshot;
import static no.biztek.support.notification.cause.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.notification.Events;
import no.biztek.support.notification.audit.AuditEntry;
import no.biztek.support.notification.audit.NotificationHistory;
import no.biztek.support.schemas.notification.CustomerNotificationFailed;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;

class OutcomeRulesTest {

    private static final AuditEntry PENDING = AuditEntry.pending("n-1", "cause-1",
            NotificationTemplate.VENDOR_ESCALATION_OPENED.name(), "e-1", MONDAY_0800);
    private static final NotificationHistory HISTORY = NotificationHistory.empty().withPending(PENDING);

    private final OutcomeRules rules = StageRules.of(Fixtures.settings()).outcomes();

    private static NotificationEvent notified(String notificationId, String cause, Instant at) {
        return Events.notified(TICKET, CUSTOMER, notificationId, cause, NotificationTemplate.VENDOR_ESCALATION_OPENED,
                at, List.of("kari@kunde.no"));
    }

    @Test
    void aMailAcceptedLaterMovesTheReminderOfItsEscalationOnlyAndIsNoLongerPending() {
        TicketSnapshot ticket = snapshot(ticket(), null,
                List.of(escalation("e-1", monday("12:00")), escalation("e-2", monday("12:00"))), List.of());

        Decision decision = rules.decide(notified("n-1", "cause-1", monday("09:00")), HISTORY, ticket, monday("09:00"));

        assertThat(decision.history().find("n-1")).get().extracting(AuditEntry::status)
                .isEqualTo(AuditEntry.Status.SENT);
        assertThat(decision.settled()).containsExactly(PENDING);
        assertThat(decision.escalations()).singleElement().satisfies(change -> {
            assertThat(change.after().escalationId()).isEqualTo("e-1");
            assertThat(change.dueAfter()).isEqualTo(monday("13:00"));
        });
    }

    @Test
    void aMailAcceptedBeforeTheReminderWasSetNeverBringsItForward() {
        Decision decision = rules.decide(notified("n-1", "cause-1", monday("07:30")), HISTORY,
                snapshot(ticket(), null, List.of(escalation("e-1", monday("12:00"))), List.of()), monday("09:00"));

        assertThat(decision.escalations()).isEmpty();
    }

    @Test
    void theOutcomeOfANotificationOfNoKnownEscalationMovesEveryReminderOfTheTicketAndSettlesNothing() {
        TicketSnapshot ticket = snapshot(ticket(), null,
                List.of(escalation("e-1", monday("12:00")), escalation("e-2", monday("12:00"))), List.of());

        Decision decision = rules.decide(notified("n-x", "cause-x", monday("09:00")), null, ticket, monday("09:00"));

        assertThat(decision.history().find("n-x")).isPresent();
        assertThat(decision.settled()).isEmpty();
        assertThat(decision.escalations()).extracting(EscalationChange::dueAfter)
                .containsExactly(monday("13:00"), monday("13:00"));
    }

    @Test
    void noReminderMovesWhileTheTicketIsResolved() {
        Decision decision = rules.decide(notified("n-1", "cause-1", monday("09:00")), HISTORY,
                snapshot(ticket().withResolved(true), null, List.of(escalation("e-1", null)), List.of()),
                monday("09:00"));

        assertThat(decision.history()).isNotNull();
        assertThat(decision.escalations()).isEmpty();
    }

    @Test
    void aFailureIsRecordedAndMovesNoReminder() {
        NotificationEvent failed = NotificationEvent.newBuilder().setEventId(Events.id()).setTicketId(TICKET)
                .setCustomerId(CUSTOMER).setOccurredAt(monday("09:00")).setProducer("notification-service")
                .setPayload(CustomerNotificationFailed.newBuilder().setNotificationId("n-1").setCauseEventId("cause-1")
                        .setTemplate(NotificationTemplate.VENDOR_ESCALATION_OPENED).setRecipients(List.of())
                        .setReason("no recipients").setPermanent(true).build())
                .build();

        Decision decision = rules.decide(failed, HISTORY,
                snapshot(ticket(), null, List.of(escalation("e-1", monday("12:00"))), List.of()), monday("09:00"));

        assertThat(decision.history().find("n-1")).get().extracting(AuditEntry::status)
                .isEqualTo(AuditEntry.Status.FAILED);
        assertThat(decision.settled()).containsExactly(PENDING);
        assertThat(decision.escalations()).isEmpty();
    }
}
