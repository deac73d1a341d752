package no.biztek.support.intake.ticket;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the ticket directory small (it holds every ticket intake has seen): an id in canonical UUID form,
 * as intake makes them, is held as a {@link UUID} (32 bytes instead of about 80 for its string), and each
 * customer id as one shared instance. Any other id is kept as it is, so nothing depends on the form.
 */
final class CompactIds {

    private static final int UUID_LENGTH = 36;

    private final Map<String, String> customerIds = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    /** A key equal for equal ids, compact where the id is a canonical (lower-case) UUID. */
    static Object key(String id) {
        if (id.length() == UUID_LENGTH) {
            try {
                UUID uuid = UUID.fromString(id);
                if (uuid.toString().equals(id)) {
                    return uuid;
                }
            } catch (IllegalArgumentException notAUuid) {
                // kept as the string it is
            }
        }
        return id;
    }

    /** The one shared instance of this customer id (customers are few, tickets many). */
    String customerId(String customerId) {
        return customerIds.computeIfAbsent(customerId, id -> id);
    }

    /** The one shared instance of a plan name or reason code (a policy file names a handful). */
    String shared(String code) {
        return codes.computeIfAbsent(code, c -> c);
    }
}
