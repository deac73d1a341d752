package no.biztek.support.intake.ticket;

import java.util.Locale;
import java.util.UUID;

import no.biztek.support.kafka.ids.NameBasedIds;

/**
 * Deterministic ids ({@link NameBasedIds}) in intake's namespaces: a ticket's id from its
 * source and external id, an event's id from its ticket, kind and occurrence. A retried or duplicated
 * delivery therefore yields the same ids, and downstream deduplicates by them.
 */
final class TicketIds {

    private static final UUID TICKET_NAMESPACE = UUID.fromString("6f1c3a52-8d5e-4d1b-9a6e-2b7c0e5d4a11");
    private static final UUID EVENT_NAMESPACE = UUID.fromString("0b9e7f0e-3c2a-4f65-8a1d-5e4b3c2a1f09");

    private TicketIds() {
    }

    /**
     * Source is case-insensitive ("Zendesk" and "zendesk" are one system); the external id is taken as given.
     * The source is length-prefixed so no pair can be shifted into another ("a", "b\nc" vs "a\nb", "c").
     */
    static String ticketId(String source, String externalId) {
        String normalisedSource = source.trim().toLowerCase(Locale.ROOT);
        return NameBasedIds.uuid5(TICKET_NAMESPACE,
                normalisedSource.length() + ":" + normalisedSource + ":" + externalId.trim()).toString();
    }

    /** The id of the n-th occurrence (0-based) of an event kind on a ticket. */
    static String eventId(String ticketId, String kind, int occurrence) {
        return NameBasedIds.of(EVENT_NAMESPACE, ticketId, kind, Integer.toString(occurrence));
    }
}
