package no.biztek.support.kafka.deadletter;

/** A record that can be read but not processed under the service's rules; it goes to the dead-letter topic. */
public class UnprocessableRecordException extends RuntimeException {

    public UnprocessableRecordException(String message) {
        super(message);
    }

    public UnprocessableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
