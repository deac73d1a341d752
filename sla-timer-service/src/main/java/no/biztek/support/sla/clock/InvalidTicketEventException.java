package no.biztek.support.sla.clock;

import no.biztek.support.kafka.deadletter.UnprocessableRecordException;

/**
 * A ticket event that decodes but cannot be measured (e.g. opened before any policy version, a fact without a
 * clock). The processor dead-letters its record, in the same transaction, and goes on.
 */
public class InvalidTicketEventException extends UnprocessableRecordException {

    public InvalidTicketEventException(String message) {
        super(message);
    }

    public InvalidTicketEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
