package no.biztek.support.policy.calendar;

import static no.biztek.support.policy.calendar.OsloTime.oslo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * First-response deadlines under the terms' calendar (Mon-Fri 07:00-16:00 Europe/Oslo, Norwegian
 * holidays), computed by hand. Severity targets: 1 = 1 h, 2 = 4 h, 3 = 8 h of business time.
 */
class DeadlineEdgeCasesTest {

    private final BusinessCalendar calendar = Calendars.biztek();

    @ParameterizedTest(name = "[{index}] severity {0} opened {1} due {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            3 | 2026-03-02T09:00 | 2026-03-03T08:00 | SPEC example: Monday 09:00, 7 h Monday + 1 h Tuesday
            3 | 2026-03-02T08:00 | 2026-03-02T16:00 | SPEC example: lands exactly at closing, not next morning
            1 | 2026-03-02T07:00 | 2026-03-02T08:00 | exactly at opening
            1 | 2026-03-02T15:00 | 2026-03-02T16:00 | severity 1 due exactly at closing
            1 | 2026-03-02T15:30 | 2026-03-03T07:30 | half an hour today, half tomorrow
            1 | 2026-03-02T16:00 | 2026-03-03T08:00 | opened exactly at closing counts from next opening
            1 | 2026-03-02T06:59 | 2026-03-02T08:00 | opened a minute before opening
            2 | 2026-03-02T12:00 | 2026-03-02T16:00 | severity 2 due exactly at closing
            2 | 2026-03-02T12:01 | 2026-03-03T07:01 | one minute past closing rolls over
            2 | 2026-03-03T07:00 | 2026-03-03T11:00 | severity 2 exactly at opening
            3 | 2026-03-02T07:00 | 2026-03-02T15:00 | severity 3 exactly at opening
            3 | 2026-03-02T16:00 | 2026-03-03T15:00 | severity 3 exactly at closing
            3 | 2026-03-02T15:00 | 2026-03-03T14:00 | last hour of the day
            1 | 2026-03-06T15:30 | 2026-03-09T07:30 | Friday afternoon over the weekend
            1 | 2026-03-07T10:00 | 2026-03-09T08:00 | opened on a Saturday
            3 | 2026-03-08T23:59 | 2026-03-09T15:00 | opened late on a Sunday
            1 | 2026-03-03T02:00 | 2026-03-03T08:00 | opened at night
            3 | 2026-04-01T12:00 | 2026-04-07T11:00 | Easter 2026: Maundy Thursday to Easter Monday closed
            1 | 2026-04-01T15:30 | 2026-04-07T07:30 | Easter 2026: last half hour before Easter
            2 | 2026-04-02T10:00 | 2026-04-07T11:00 | opened on Maundy Thursday 2026
            2 | 2026-05-13T14:00 | 2026-05-15T09:00 | Ascension Day 2026 (Thursday)
            3 | 2026-05-22T12:00 | 2026-05-26T11:00 | Whit Monday 2026
            2 | 2026-04-30T15:00 | 2026-05-04T10:00 | 1 May 2026 is a Friday
            1 | 2027-05-14T15:30 | 2027-05-18T07:30 | 17 May 2027 is also Whit Monday
            3 | 2028-05-16T09:00 | 2028-05-18T08:00 | 17 May 2028 is a Wednesday
            3 | 2026-12-24T12:00 | 2026-12-28T11:00 | Christmas 2026: 24th open, 25th closed, weekend
            2 | 2026-12-31T14:00 | 2027-01-04T09:00 | year end: 1 January 2027 is a Friday
            3 | 2025-12-31T10:00 | 2026-01-02T09:00 | year end: 1 January 2026 is a Thursday
            1 | 2025-12-24T15:30 | 2025-12-29T07:30 | Christmas 2025: 25th and 26th are Thursday and Friday
            3 | 2028-12-22T16:00 | 2028-12-27T15:00 | Christmas 2028: 25th and 26th are Monday and Tuesday
            3 | 2026-03-27T12:00 | 2026-03-30T11:00 | over the spring DST switch (29 March 2026)
            1 | 2026-10-23T15:30 | 2026-10-26T07:30 | over the autumn DST switch (25 October 2026)
            2 | 2027-03-24T14:00 | 2027-03-30T09:00 | Easter 2027 with the spring DST switch on Easter Sunday
            3 | 2025-10-25T20:00 | 2025-10-27T15:00 | Saturday night of the autumn DST switch 2025
            1 | 2028-05-25T10:00 | 2028-05-26T08:00 | opened on Ascension Day 2028
            2 | 2028-06-04T09:00 | 2028-06-06T11:00 | opened on Whit Sunday 2028, Whit Monday closed
            3 | 2028-04-12T09:00 | 2028-04-18T08:00 | Easter 2028 week
            1 | 2025-04-17T03:00 | 2025-04-22T08:00 | night of Maundy Thursday 2025
            3 | 2025-06-06T15:00 | 2025-06-10T14:00 | Whit Monday 2025
            2 | 2025-05-28T16:00 | 2025-05-30T11:00 | Ascension Day 2025
            1 | 2028-04-28T16:30 | 2028-05-02T08:00 | 1 May 2028 is a Monday
            3 | 2027-12-31T13:00 | 2028-01-03T12:00 | year end: 1 January 2028 is a Saturday
            2 | 2027-12-24T14:00 | 2027-12-27T09:00 | Christmas 2027 falls on a weekend
            2 | 2027-12-31T12:00 | 2027-12-31T16:00 | due exactly at the year's last closing
            1 | 2026-12-31T15:00 | 2026-12-31T16:00 | severity 1 at the year's last closing
            1 | 2026-12-31T16:00 | 2027-01-04T08:00 | opened at the year's last closing
            1 | 2026-03-29T02:30 | 2026-03-30T08:00 | opened in the DST gap (02:30 does not exist)
            """)
    void deadline(int severity, String opened, String due, String why) {
        Duration target = switch (severity) {
            case 1 -> Duration.ofHours(1);
            case 2 -> Duration.ofHours(4);
            default -> Duration.ofHours(8);
        };
        Instant openedAt = oslo(opened);

        Instant dueAt = calendar.plusBusinessTime(openedAt, target);

        assertThat(dueAt).isEqualTo(oslo(due));
        assertThat(calendar.businessTimeBetween(openedAt, dueAt)).isEqualTo(target);
    }
}
