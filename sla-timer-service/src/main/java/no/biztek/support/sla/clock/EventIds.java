package no.biztek.support.sla.clock;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic SLA event ids: a name-based UUID (version 3) over the ticket, the kind of event and its
 * cause, so the same fact always gets the same id (downstream consumers can deduplicate on it).
 */
final class EventIds {

    private EventIds() {
    }

    /** Id of an event that happens at most once per ticket (e.g. "breached", "warning-75"). */
    static String of(String ticketId, String kind) {
        return of(ticketId, kind, "");
    }

    /** Id of an event caused by a ticket event (e.g. the clock started by a TicketOpened). */
    static String of(String ticketId, String kind, String cause) {
        String name = "sla-timer|" + ticketId + "|" + kind + "|" + cause;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
