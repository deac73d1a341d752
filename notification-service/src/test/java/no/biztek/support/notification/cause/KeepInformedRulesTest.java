package no.biztek.support.notification.cause;

import static no.biztek.support.notification.cause.Fixtures.escalation;
import static no.biztek.support.notification.cause.Fixtures.monday;
import static no.biztek.support.notification.cause.Fixtures.ticket;
import static no.biztek.support.notification.cause.Fixtures.tuesday;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeepInformedRulesTest {

    private final KeepInformedRules rules = new KeepInformedRules(new Policies(Fixtures.settings()));

    @Test
    void aMailSetsTheReminderACadenceOfBusinessTimeLater() {
        EscalationState mailed = rules.mailed(escalation(null), ticket(), monday("08:00"), monday("08:00"));

        assertThat(mailed.reminderDueAt()).isEqualTo(monday("12:00"));
    }

    @Test
    void theCadenceCountsBusinessTimeOnlySoTheReminderWaitsOverTheNight() {
        EscalationState mailed = rules.mailed(escalation(null), ticket(), monday("15:00"), monday("15:00"));

        assertThat(mailed.reminderDueAt()).isEqualTo(tuesday("10:00"));
    }

    @Test
    void aMailMovesTheReminderLaterButNeverEarlier() {
        EscalationState due14 = escalation(monday("14:00"));

        assertThat(rules.mailed(due14, ticket(), monday("09:00"), monday("11:00")).reminderDueAt())
                .as("a mail accepted at 09:00 would remind at 13:00").isEqualTo(monday("14:00"));
        assertThat(rules.mailed(due14, ticket(), monday("11:00"), monday("11:00")).reminderDueAt())
                .isEqualTo(monday("15:00"));
    }

    @Test
    void aReminderSetFromAClockWithMicrosecondsIsDueAtAWholeMillisecondItsTimerCanMatch() {
        java.time.Instant withMicros = monday("08:00").plusNanos(123_456_000);

        EscalationState mailed = rules.mailed(escalation(null), ticket(), withMicros, withMicros);

        assertThat(mailed.reminderDueAt()).isEqualTo(monday("12:00").plusMillis(124));
        assertThat(rules.restarted(escalation(null), withMicros).reminderDueAt().getNano() % 1_000_000).isZero();
    }

    @Test
    void noReminderWhileTheTicketIsUnknownOrResolved() {
        EscalationState none = escalation(null);

        assertThat(rules.mailed(none, null, monday("08:00"), monday("08:00"))).isEqualTo(none);
        assertThat(rules.mailed(none, ticket().withResolved(true), monday("08:00"), monday("08:00"))).isEqualTo(none);
    }

    @Test
    void theTicketBecomingKnownStartsTheRemindersOfEscalationsThatHaveNone() {
        assertThat(rules.ticketKnown(escalation(null), monday("09:00")).reminderDueAt()).isEqualTo(monday("13:00"));
        assertThat(rules.ticketKnown(escalation(monday("10:00")), monday("09:00")).reminderDueAt())
                .isEqualTo(monday("10:00"));
    }

    @Test
    void resolvingCancelsTheReminderAndReopeningStartsItACadenceFromThen() {
        assertThat(rules.paused(escalation(monday("12:00"))).reminderDueAt()).isNull();

        // 2 h 59 min on Monday, 1 h 1 min on Tuesday; a reminder due later than that is replaced too
        assertThat(rules.restarted(escalation(null), monday("13:01")).reminderDueAt()).isEqualTo(tuesday("08:01"));
        assertThat(rules.restarted(escalation(tuesday("15:00")), monday("13:01")).reminderDueAt())
                .isEqualTo(tuesday("08:01"));
    }
}
