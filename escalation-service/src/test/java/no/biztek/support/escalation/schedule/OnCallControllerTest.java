package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.paging.TestPaging.DINA;
import static no.biztek.support.escalation.paging.TestPaging.KARI;
import static no.biztek.support.escalation.paging.TestPaging.OLA;
import static no.biztek.support.escalation.schedule.TestSchedule.HANDOVER;
import static no.biztek.support.escalation.schedule.TestSchedule.NIGHT;
import static no.biztek.support.escalation.schedule.TestSchedule.PAGING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.schedule.OnCallController.Person;
import no.biztek.support.escalation.schedule.OnCallController.ShiftResponse;
import no.biztek.support.testing.MutableClock;

/** Who is on call now: the real start and end of the shifts in progress, null where there is none. */
class OnCallControllerTest {

    private static final ScheduleProperties PROPERTIES = new ScheduleProperties(Duration.ofDays(90),
            new ScheduleProperties.Calendar(Duration.ofDays(14), Duration.ofDays(84)),
            new ScheduleProperties.Handoff(true, Duration.ofSeconds(30), Duration.ofMinutes(15)), Duration.ofDays(7));

    private final MutableClock clock = new MutableClock(NIGHT);
    private final ScheduleView view = new ScheduleView();

    private OnCallController controller() {
        ScheduleChanges changes = new ScheduleChanges(view, null, null, null, PAGING.schedule(),
                PAGING.ackLink().baseUrl(), clock);
        return new OnCallController(changes, PAGING, PROPERTIES, null, clock);
    }

    @Test
    void aLongOverrideKeepsItsStartAndTheNamedPersonHasNoBounds() {
        view.fold(ScheduleRecords.ROTATION_KEY, ScheduleRecords.entry(ScheduleRecords.rotation(PAGING.schedule()),
                ScheduleRecords.CONFIGURATION, NIGHT));
        // Ola on call for 80 days, since 70 days ago (longer ago than the 63 days looked at before)
        ScheduledOverride longCover = TestSchedule.cover("long", 0, OLA, NIGHT.minus(Duration.ofDays(70)),
                NIGHT.plus(Duration.ofDays(10)));
        view.fold(ScheduleRecords.overrideKey("long"), ScheduleRecords.entry(ScheduleRecords.override(longCover), "desk",
                longCover.from()));

        var now = controller().now();
        clock.advance(Duration.ofHours(1));
        var anHourLater = controller().now();

        assertThat(now.levels()).containsExactly(
                new ShiftResponse(1, "on-call engineer", Person.of(OLA), NIGHT.minus(Duration.ofDays(70)),
                        NIGHT.plus(Duration.ofDays(10)), "long"),
                new ShiftResponse(2, "secondary", Person.of(KARI), Instant.parse("2026-03-02T08:00:00Z"), HANDOVER,
                        null),
                new ShiftResponse(3, "duty manager", Person.of(DINA), null, null, null));
        assertThat(anHourLater.levels()).isEqualTo(now.levels());
    }
}
