package no.biztek.support.policy;

/** A policy file that cannot be used; the message names the file and the offending field. */
public class InvalidPolicyException extends RuntimeException {

    public InvalidPolicyException(String message) {
        super(message);
    }

    public InvalidPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
