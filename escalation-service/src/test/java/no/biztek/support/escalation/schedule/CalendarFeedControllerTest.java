package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.schedule.TestSchedule.NIGHT;
import static no.biztek.support.escalation.schedule.TestSchedule.PAGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.testing.MutableClock;

/** The calendar feed's answers without a web server: the signature before the schedule. */
class CalendarFeedControllerTest {

    private static final ScheduleProperties PROPERTIES = new ScheduleProperties(Duration.ofDays(90),
            new ScheduleProperties.Calendar(Duration.ofDays(14), Duration.ofDays(84)),
            new ScheduleProperties.Handoff(true, Duration.ofSeconds(30), Duration.ofMinutes(15)), Duration.ofDays(7));

    private final MutableClock clock = new MutableClock(NIGHT);
    private final FeedTokens feeds = new FeedTokens(new AckTokens("test-signing-key-0123456789abcdef0123")
            .forPurpose(FeedTokens.PURPOSE));

    private CalendarFeedController controller(Supplier<ScheduleState> schedule) {
        return new CalendarFeedController(schedule, feeds, PAGING, PROPERTIES, clock);
    }

    @Test
    void aForgedLinkIsRefusedWithoutReadingTheSchedule() {
        CalendarFeedController controller = controller(() -> fail("the schedule was read for a forged link"));
        String genuine = feeds.issue("kari@biztek.no", 2);
        String foreign = new FeedTokens(new AckTokens("another-signing-key-0123456789abcdef")
                .forPurpose(FeedTokens.PURPOSE)).issue("kari@biztek.no", 2);

        for (String file : List.of(foreign + ".ics", genuine.substring(0, genuine.length() - 2) + "xx.ics",
                "garbage.ics", "garbage")) {
            ResponseEntity<String> answer = controller.feed(file);
            assertThat(answer.getStatusCode().value()).as(file).isEqualTo(403);
            assertThat(answer.getBody()).contains("not valid");
        }
    }

    @Test
    void aGenuineLinkReadsTheSchedule() {
        ScheduleState state = TestSchedule.withFeed(TestSchedule.state(), "kari@biztek.no", 2);

        assertThat(controller(() -> state).feed(feeds.issue("kari@biztek.no", 2) + ".ics").getStatusCode().value())
                .isEqualTo(200);
        assertThat(controller(() -> state).feed(feeds.issue("kari@biztek.no", 1) + ".ics").getStatusCode().value())
                .isEqualTo(410);
    }

    @Test
    void aShiftSpanningTheWindowsStartKeepsItsStartAndUidFromOnePollToTheNext() {
        // the window starts 14 days before Tuesday 3 March 02:00: inside Kari's week from Monday 16 February 09:00
        ScheduleState state = TestSchedule.withFeed(TestSchedule.state(), "kari@biztek.no", 2);
        String link = feeds.issue("kari@biztek.no", 2) + ".ics";

        String first = controller(() -> state).feed(link).getBody();
        clock.advance(Duration.ofHours(1));
        String anHourLater = controller(() -> state).feed(link).getBody();

        assertThat(first).contains("DTSTART:20260216T080000Z\r\nDTEND:20260223T080000Z\r\n")
                .contains("UID:oncall-1-kari@biztek.no-" + Instant.parse("2026-02-16T08:00:00Z").toEpochMilli() + "@");
        assertThat(lines(anHourLater, "UID:")).isEqualTo(lines(first, "UID:")).isNotEmpty();
        assertThat(lines(anHourLater, "DTSTART:")).isEqualTo(lines(first, "DTSTART:"));
    }

    private static List<String> lines(String calendar, String prefix) {
        return Arrays.stream(calendar.replace("\r\n ", "").split("\r\n")).filter(l -> l.startsWith(prefix)).toList();
    }
}
