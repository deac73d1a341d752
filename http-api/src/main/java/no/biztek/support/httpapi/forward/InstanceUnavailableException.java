package no.biztek.support.httpapi.forward;

/** The other instance could not be asked: no forwarding credential, no answer, or interrupted. */
public class InstanceUnavailableException extends RuntimeException {

    public InstanceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
