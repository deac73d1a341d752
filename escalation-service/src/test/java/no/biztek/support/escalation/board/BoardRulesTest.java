package no.biztek.support.escalation.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrectionKind;

class BoardRulesTest {

    private static final Instant OPENED = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant DUE = OPENED.plus(Duration.ofHours(4));
    private final BoardEvents clock = new BoardEvents("t-1", "c-1", "first-response", Severity.SERIOUS, OPENED);

    @Test
    void aStartedClockRunsToItsDeadline() {
        BoardClock started = BoardRules.next(null, clock.started(DUE, 240));

        assertThat(started.id()).isEqualTo("t-1|first-response");
        assertThat(started.dueAt()).isEqualTo(DUE);
        assertThat(started.targetMinutes()).isEqualTo(240);
        assertThat(started.paused()).isFalse();
        assertThat(started.breached()).isFalse();
        assertThat(started.severity()).isEqualTo("SERIOUS");
    }

    @Test
    void aWarningRaisesTheLevelAndALowerOneDoesNotLowerIt() {
        BoardClock warned = BoardRules.next(BoardRules.next(null, clock.started(DUE, 240)),
                clock.warning(OPENED.plusSeconds(9000), DUE, 75, 240));

        assertThat(warned.warningPercent()).isEqualTo(75);
        assertThat(BoardRules.next(warned, clock.warning(OPENED.plusSeconds(7200), DUE, 50, 240)).warningPercent())
                .isEqualTo(75);
    }

    @Test
    void aHoldPausesWithItsReasonAndElapsedTimeAndAResumeRunsAgain() {
        BoardClock paused = BoardRules.next(BoardRules.next(null, clock.started(DUE, 240)),
                clock.paused(OPENED.plusSeconds(3600), DUE, "WAITING_ON_CUSTOMER", 60));

        assertThat(paused.paused()).isTrue();
        assertThat(paused.pauseReason()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(paused.businessMinutesElapsed()).isEqualTo(60);
        assertThat(paused.targetMinutes()).as("kept from the start").isEqualTo(240);

        Instant later = DUE.plus(Duration.ofHours(2));
        BoardClock resumed = BoardRules.next(paused, clock.resumed(OPENED.plusSeconds(10_800), later,
                "WAITING_ON_CUSTOMER", 60));
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.pauseReason()).isNull();
        assertThat(resumed.dueAt()).isEqualTo(later);
    }

    @Test
    void aDeadlineChangeWhilePausedStaysPaused() {
        BoardClock paused = BoardRules.next(BoardRules.next(null, clock.started(DUE, 240)),
                clock.paused(OPENED.plusSeconds(600), DUE, "WAITING_ON_VENDOR", 10));

        BoardClock changed = BoardRules.next(paused, clock.deadlineChanged(OPENED.plusSeconds(900),
                DUE.plusSeconds(14_400), DUE, 480));

        assertThat(changed.paused()).isTrue();
        assertThat(changed.targetMinutes()).isEqualTo(480);
        assertThat(changed.dueAt()).isEqualTo(DUE.plusSeconds(14_400));
    }

    @Test
    void aBreachedClockStaysUntilItIsMetOrStopped() {
        BoardClock breached = BoardRules.next(BoardRules.next(null, clock.started(DUE, 240)),
                clock.breached(DUE, 240));

        assertThat(breached.breached()).isTrue();
        assertThat(BoardRules.next(breached, clock.warning(DUE, DUE, 90, 240)).breached()).isTrue();
        assertThat(BoardRules.next(breached, clock.met(DUE.plusSeconds(60), DUE))).isNull();
        assertThat(BoardRules.next(breached, clock.stopped(DUE.plusSeconds(60), DUE))).isNull();
    }

    @Test
    void aCorrectionSetsTheStateItNames() {
        BoardClock breached = BoardRules.next(BoardRules.next(null, clock.started(DUE, 240)),
                clock.breached(DUE, 240));

        BoardClock withdrawn = BoardRules.next(breached, clock.corrected(DUE.plusSeconds(60), DUE.plusSeconds(3600),
                SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.RUNNING));
        assertThat(withdrawn.breached()).isFalse();
        assertThat(withdrawn.dueAt()).isEqualTo(DUE.plusSeconds(3600));

        BoardClock pausedNow = BoardRules.next(breached, clock.corrected(DUE.plusSeconds(60), DUE,
                SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.PAUSED));
        assertThat(pausedNow.paused()).isTrue();
        assertThat(pausedNow.businessMinutesElapsed()).isEqualTo(20);

        assertThat(BoardRules.next(breached, clock.corrected(DUE.plusSeconds(60), DUE,
                SlaCorrectionKind.VERDICT_REVISED, SlaClockState.MET))).isNull();
    }

    @Test
    void anEndedClockIsNotOnTheBoardAndAnEventAfterItsEndStartsNothing() {
        assertThat(BoardRules.next(null, clock.met(OPENED, DUE))).isNull();
        assertThat(BoardRules.next(null, clock.stopped(OPENED, DUE))).isNull();
    }
}
