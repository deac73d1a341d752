package no.biztek.support.intake.ticket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * Deterministic ids (UUID version 5, SHA-1, RFC 9562) in namespaces of ours: a ticket's id from its
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
        return uuid5(TICKET_NAMESPACE, normalisedSource.length() + ":" + normalisedSource + ":" + externalId.trim())
                .toString();
    }

    /** The id of the n-th occurrence (0-based) of an event kind on a ticket. */
    static String eventId(String ticketId, String kind, int occurrence) {
        return uuid5(EVENT_NAMESPACE, ticketId + "\n" + kind + "\n" + occurrence).toString();
    }

    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
