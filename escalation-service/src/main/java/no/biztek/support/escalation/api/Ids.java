package no.biztek.support.escalation.api;

import java.util.UUID;

import no.biztek.support.kafka.ids.NameBasedIds;

/**
 * Deterministic ids ({@link NameBasedIds}) of everything this service writes: the same cause
 * always gives the same id, so a retried request or a reprocessed record yields the same page, the
 * same escalation and the same event, and downstream deduplicates by them.
 */
public final class Ids {

    private static final UUID PAGE = UUID.fromString("3f0e6f7a-52b8-4c2d-9d38-6c1f0e2b7a41");
    private static final UUID EVENT = UUID.fromString("a4d1c9e2-7b3f-4e58-8f0a-1d2c3b4a5e60");
    private static final UUID ESCALATION = UUID.fromString("c7b2e1d0-9a8f-4c6b-b5a4-3e2d1c0b9a87");
    private static final UUID ENTRY = UUID.fromString("5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c");

    private Ids() {
    }

    /** A page of a ticket for a cause (kind of trigger and the id of the event that triggered it). */
    public static String pageId(String ticketId, String cause, String causeEventId) {
        return NameBasedIds.of(PAGE, ticketId, cause, causeEventId);
    }

    /** The id of an event, from what it is about (e.g. a page id) and what happened (e.g. "paged|2|1"). */
    public static String eventId(String subject, String what) {
        return NameBasedIds.of(EVENT, subject, what);
    }

    /** A vendor escalation: one per ticket, vendor and the vendor's case reference. */
    public static String escalationId(String ticketId, String vendor, String vendorCaseReference) {
        return NameBasedIds.of(ESCALATION, ticketId, vendor, vendorCaseReference.trim());
    }

    /** A time entry: one per escalation, consultant and period. */
    public static String entryId(String escalationId, String consultant, long startedAtMillis, long endedAtMillis) {
        return NameBasedIds.of(ENTRY, escalationId, consultant.trim(), Long.toString(startedAtMillis),
                Long.toString(endedAtMillis));
    }
}
