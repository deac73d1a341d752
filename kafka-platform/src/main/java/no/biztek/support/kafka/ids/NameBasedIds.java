package no.biztek.support.kafka.ids;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The one way the platform derives ids from what they identify: UUID version 5 (SHA-1, RFC 9562) of a name in
 * a namespace. The same name always gives the same id, so a retried request or a reprocessed record yields the
 * same ticket, event or page, and downstream deduplicates by it. Each service keeps its namespaces as
 * constants beside what they name (a namespace is a random UUID chosen once and never changed: changing it
 * changes every id derived in it).
 */
public final class NameBasedIds {

    private NameBasedIds() {
    }

    /** The id of {@code parts} in {@code namespace}: the parts are joined by line feeds before hashing. */
    public static String of(UUID namespace, String... parts) {
        return uuid5(namespace, String.join("\n", parts)).toString();
    }

    public static UUID uuid5(UUID namespace, String name) {
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
