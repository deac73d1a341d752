package no.biztek.support.escalation.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An engineer's shifts as an RFC 5545 calendar ({@code text/calendar}): one VEVENT per shift with a stable UID
 * (level, engineer and start, so a calendar that polls again updates the event instead of adding one), DTSTART and
 * DTEND in UTC, a SUMMARY naming the level. Text values escaped (backslash, semicolon, comma, line breaks), lines
 * folded at 75 octets, CRLF line ends. Pure.
 */
final class CalendarText {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;

    private CalendarText() {
    }

    static String of(String engineerName, List<Shifts.Shift> shifts, Instant now, String domain) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Biztek//escalation-service on-call schedule//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text("On call: " + engineerName));
        for (Shifts.Shift shift : shifts) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text("oncall-" + shift.level() + "-" + ScheduleRecords.normalised(shift.engineer().email())
                    + "-" + shift.from().toEpochMilli() + "@" + domain));
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(shift.from()));
            line(out, "DTEND:" + UTC.format(shift.to()));
            line(out, "SUMMARY:" + text("On call: " + shift.levelName() + " (level " + shift.level() + ")"));
            line(out, "DESCRIPTION:" + text(shift.overrideId() == null ? "By the rotation."
                    : "By an override of the rotation (" + shift.overrideId() + ")."));
            line(out, "TRANSP:OPAQUE");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded so that no line is longer than 75 octets (3.1), never inside a character. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_OCTETS - 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
