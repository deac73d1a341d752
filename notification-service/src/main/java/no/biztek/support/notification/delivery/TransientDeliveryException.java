package no.biztek.support.notification.delivery;

/** A delivery that may succeed later (server unreachable, 4xx reply, state not ready): retried with back-off. */
public class TransientDeliveryException extends RuntimeException {

    public TransientDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
