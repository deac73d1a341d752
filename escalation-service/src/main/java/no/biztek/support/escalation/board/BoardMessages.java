package no.biztek.support.escalation.board;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** The board's messages as JSON: the snapshot, and the deltas after it. */
final class BoardMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BoardMessages() {
    }

    /** A calendar's open intervals: {@code open} holds {@code [start, end)} pairs in epoch milliseconds. */
    record CalendarJson(long from, long until, List<long[]> open) {

        static CalendarJson of(CalendarWindow window) {
            return new CalendarJson(window.from().toEpochMilli(), window.until().toEpochMilli(), window.intervals()
                    .stream().map(i -> new long[] {i.start().toEpochMilli(), i.end().toEpochMilli()}).toList());
        }

        static Map<String, CalendarJson> of(Map<String, CalendarWindow> windows) {
            Map<String, CalendarJson> json = new LinkedHashMap<>();
            windows.forEach((id, window) -> json.put(id, of(window)));
            return json;
        }
    }

    /** Every row, and the calendars they count in; {@code now} is the server's clock. */
    record Snapshot(Instant now, String zone, Map<String, CalendarJson> calendars, List<BoardRow> rows) {
    }

    /** A row is new or changed; with its calendar, which the client may not know yet. */
    record Upsert(Instant now, BoardRow row, String calendarId, CalendarJson calendar) {
    }

    /** A row left the board. */
    record Remove(Instant now, String id) {
    }

    /** The server's clock, with every heartbeat. */
    record Now(Instant now) {
    }

    static String json(Object message) {
        return JSON.writeValueAsString(message);
    }
}
