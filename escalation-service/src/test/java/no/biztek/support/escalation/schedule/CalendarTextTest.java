package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.paging.TestPaging.NORA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CalendarTextTest {

    private static final Instant NOW = Instant.parse("2026-03-03T01:00:00Z");

    private final List<Shifts.Shift> shifts = List.of(
            new Shifts.Shift(1, "on-call engineer", NORA, Instant.parse("2026-03-02T08:00:00Z"),
                    Instant.parse("2026-03-09T08:00:00Z"), null),
            new Shifts.Shift(2, "secondary; backup, night\nshift", NORA, Instant.parse("2026-03-30T07:00:00Z"),
                    Instant.parse("2026-04-06T07:00:00Z"), "override-1"));

    @Test
    void everyShiftIsAnEventInUtcWithAStableUidAndItsLevel() {
        String calendar = CalendarText.of("Nora Berg", shifts, NOW, "escalation.biztek.no");

        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
        assertThat(calendar.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(calendar).contains("UID:oncall-1-nora@biztek.no-1772438400000@escalation.biztek.no\r\n")
                .contains("DTSTART:20260302T080000Z\r\nDTEND:20260309T080000Z\r\n")
                .contains("DTSTAMP:20260303T010000Z\r\n")
                .contains("SUMMARY:On call: on-call engineer (level 1)\r\n")
                .contains("DTSTART:20260330T070000Z\r\nDTEND:20260406T070000Z\r\n");
    }

    @Test
    void textIsEscapedAndNoLineIsLongerThan75Octets() {
        String calendar = CalendarText.of("Nora Berg " + "æøå".repeat(40), shifts, NOW, "escalation.biztek.no");

        assertThat(calendar).contains("SUMMARY:On call: secondary\\; backup\\, night\\nshift (level 2)");
        assertThat(calendar).doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
        assertThat(Arrays.stream(calendar.split("\r\n")).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length)
                .max().orElseThrow()).isLessThanOrEqualTo(75);
        String unfolded = calendar.replace("\r\n ", "");
        assertThat(unfolded).contains("X-WR-CALNAME:On call: Nora Berg " + "æøå".repeat(40) + "\r\n");
    }
}
