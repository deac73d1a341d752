package no.biztek.support.sla.clock;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import no.biztek.support.kafka.ids.NameBasedIds;

/**
 * Deterministic SLA event ids ({@link NameBasedIds}, in sla-timer's namespace) of the ticket, the metric, the kind
 * of event and what distinguishes it (its cause, its deadline, or the clock's count of verdicts): the same fact
 * always gets the same id and downstream consumers can deduplicate on it, while a second verdict of a clock (after
 * a correction) gets a new one.
 */
final class EventIds {

    static final UUID NAMESPACE = UUID.fromString("4e9d4072-861b-4d5a-9f24-b07a3df5c761");

    private EventIds() {
    }

    static String of(String ticketId, String metric, String kind, String distinction) {
        return NameBasedIds.of(NAMESPACE, ticketId, metric, kind, distinction);
    }

    /**
     * The id versions before 2026-12 gave an event that happened at most once per ticket (e.g. "breached"): a name
     * UUID of version 3. Only to name, in a correction, a verdict those versions announced.
     */
    static String legacy(String ticketId, String kind) {
        String name = "sla-timer|" + ticketId + "|" + kind + "|";
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
