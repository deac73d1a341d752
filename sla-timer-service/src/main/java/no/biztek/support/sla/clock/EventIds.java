package no.biztek.support.sla.clock;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic SLA event ids: a name-based UUID (version 3) over the ticket, the metric, the kind of event
 * and what distinguishes it (its cause, its deadline, or the clock's count of verdicts), so the same fact
 * always gets the same id and downstream consumers can deduplicate on it, while a second verdict of a clock
 * (after a correction) gets a new one.
 */
final class EventIds {

    private EventIds() {
    }

    static String of(String ticketId, String metric, String kind, String distinction) {
        String name = "sla-timer|" + ticketId + "|" + metric + "|" + kind + "|" + distinction;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The id earlier versions gave an event that happened at most once per ticket (e.g. "breached"). */
    static String legacy(String ticketId, String kind) {
        String name = "sla-timer|" + ticketId + "|" + kind + "|";
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
