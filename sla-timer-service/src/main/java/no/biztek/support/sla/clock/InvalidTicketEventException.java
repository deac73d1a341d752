package no.biztek.support.sla.clock;

/**
 * A ticket event that decodes but cannot be measured (e.g. opened before any policy version, key and
 * ticketId differ). The processing exception handler sends its record to the dead-letter topic.
 */
public class InvalidTicketEventException extends RuntimeException {

    public InvalidTicketEventException(String message) {
        super(message);
    }

    public InvalidTicketEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
