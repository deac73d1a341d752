package no.biztek.support.notification.delivery;

import java.util.List;

/**
 * A notification that cannot be delivered by trying again (the server refused the address or the mail
 * with a 5xx reply, or there is no valid address): it goes to the dead-letter topic at once.
 */
public class PermanentDeliveryException extends RuntimeException {

    private final List<String> failedRecipients;

    public PermanentDeliveryException(String message, List<String> failedRecipients) {
        this(message, failedRecipients, null);
    }

    public PermanentDeliveryException(String message, List<String> failedRecipients, Throwable cause) {
        super(message, cause);
        this.failedRecipients = List.copyOf(failedRecipients);
    }

    /** The addresses the notification did not reach. */
    public List<String> failedRecipients() {
        return failedRecipients;
    }
}
