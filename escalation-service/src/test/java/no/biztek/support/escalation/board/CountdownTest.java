package no.biztek.support.escalation.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import no.biztek.support.escalation.facts.TicketFacts;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.calendar.BusinessCalendar;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;

/** A row's state and countdowns (office hours 07:00–16:00 Oslo, Monday to Friday, Norwegian holidays). */
class CountdownTest {

    private static final PlanCatalogue PLANS = PolicyFile.defaultCatalogue();
    private static final BusinessCalendar CALENDAR = PLANS.versionById(BoardEvents.POLICY).orElseThrow().calendar();
    /** Friday 6 March 2026, 15:00 in Oslo. */
    private static final Instant FRIDAY_AFTERNOON = Instant.parse("2026-03-06T14:00:00Z");
    /** Monday 9 March 2026, 10:00 in Oslo: four business hours after Friday 15:00. */
    private static final Instant MONDAY_DUE = Instant.parse("2026-03-09T09:00:00Z");

    private final BoardEvents events = new BoardEvents("t-1", "c-1", "first-response", Severity.SERIOUS,
            FRIDAY_AFTERNOON);

    @Test
    void aRunningClockCountsOnlyOpeningHoursAcrossTheWeekend() {
        BoardRow row = row(BoardRules.next(null, events.started(MONDAY_DUE, 240)), FRIDAY_AFTERNOON);

        assertThat(row.state()).isEqualTo("running");
        assertThat(Duration.ofSeconds(row.businessRemainingSeconds())).isEqualTo(Duration.ofHours(4));
        assertThat(row.tailSeconds()).as("due inside the window").isZero();
        assertThat(row.warningPercent()).isZero();
    }

    @Test
    void onSaturdayTheClockIsOutsideOpeningHoursAndItsBusinessTimeStands() {
        Instant saturday = Instant.parse("2026-03-07T11:00:00Z");
        BoardRow row = row(BoardRules.next(null, events.started(MONDAY_DUE, 240)), saturday);

        assertThat(row.state()).isEqualTo("outside-hours");
        assertThat(Duration.ofSeconds(row.businessRemainingSeconds())).isEqualTo(Duration.ofHours(3));
        assertThat(row.warningPercent()).as("a quarter used").isZero();
    }

    @Test
    void aPausedClockKeepsWhatWasLeftWhenItPaused() {
        BoardClock paused = BoardRules.next(BoardRules.next(null, events.started(MONDAY_DUE, 240)),
                events.paused(FRIDAY_AFTERNOON.plusSeconds(1800), MONDAY_DUE, "WAITING_ON_CUSTOMER", 150));

        BoardRow row = row(paused, Instant.parse("2026-03-10T12:00:00Z"));

        assertThat(row.state()).isEqualTo("paused");
        assertThat(row.pauseText()).isEqualTo("paused: waiting on customer");
        assertThat(Duration.ofSeconds(row.businessRemainingSeconds())).isEqualTo(Duration.ofMinutes(90));
        assertThat(row.warningPercent()).as("150 of 240 minutes used").isEqualTo(50);
    }

    @Test
    void aBreachedClockIsBreachedWhateverTheHour() {
        BoardClock breached = BoardRules.next(BoardRules.next(null, events.started(MONDAY_DUE, 240)),
                events.breached(MONDAY_DUE, 240));

        BoardRow row = row(breached, MONDAY_DUE.plus(Duration.ofHours(1)));

        assertThat(row.state()).isEqualTo("breached");
        assertThat(row.businessRemainingSeconds()).isEqualTo(-3600);
    }

    @Test
    void aDeadlineBeyondTheWindowAddsTheServersTail() {
        Instant farDue = CALENDAR.plusBusinessTime(FRIDAY_AFTERNOON, Duration.ofHours(200));
        Calendars calendars = calendars();
        calendars.moveTo(FRIDAY_AFTERNOON);
        BoardRow row = BoardRows.row(BoardRules.next(null, events.started(farDue, 12_000)), facts(), List.of(),
                calendars, FRIDAY_AFTERNOON);
        CalendarWindow window = calendars.window(row.calendar());

        assertThat(farDue).isAfter(window.until());
        assertThat(window.businessTimeBetween(FRIDAY_AFTERNOON, window.until()).plusSeconds(row.tailSeconds()))
                .isEqualTo(Duration.ofHours(200));
    }

    @Provide
    Arbitrary<Instant> inTheWindow() {
        long from = Instant.parse("2026-03-24T00:00:00Z").getEpochSecond();
        return Arbitraries.longs().between(from, from + Duration.ofDays(14).toSeconds()).map(Instant::ofEpochSecond);
    }

    /** What the page computes from the intervals and the tail is the calendar's business time, also around Easter. */
    @Property(tries = 300)
    void thePagesArithmeticIsTheCalendars(@ForAll("inTheWindow") Instant now,
                                          @ForAll("inTheWindow") Instant someTime,
                                          @ForAll @net.jqwik.api.constraints.IntRange(max = 60) int extraDays) {
        Instant due = someTime.plus(Duration.ofDays(extraDays));
        CalendarWindow window = CalendarWindow.of(CALENDAR, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 20));
        Duration tail = due.isAfter(window.until()) ? CALENDAR.businessTimeBetween(window.until(), due)
                : Duration.ZERO;
        Instant inside = due.isAfter(window.until()) ? window.until() : due;

        assertThat(window.businessTimeBetween(now, inside).plus(tail))
                .isEqualTo(CALENDAR.businessTimeBetween(now, due));
        assertThat(window.isOpenAt(now)).isEqualTo(CALENDAR.isOpenAt(now));
    }

    private static Calendars calendars() {
        return new Calendars(PLANS, BoardConfiguration.ZONE, 7, 14);
    }

    private static BoardRow row(BoardClock clock, Instant now) {
        Calendars calendars = calendars();
        calendars.moveTo(now);
        return BoardRows.row(clock, facts(), List.of(), calendars, now);
    }

    private static TicketFacts facts() {
        return TicketFacts.unknown("t-1", "c-1");
    }
}
