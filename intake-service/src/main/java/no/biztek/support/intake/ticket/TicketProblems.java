package no.biztek.support.intake.ticket;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers about a ticket's existence and state that are not field errors. */
final class TicketProblems {

    private TicketProblems() {
    }

    static ErrorResponseException unknownTicket(String ticketId, Duration retention) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No ticket " + ticketId
                + " is known: it was never opened, or it was resolved more than " + retention
                + " ago and is forgotten (support.intake.ticket-retention). A forgotten ticket cannot be changed"
                + " or reopened; open a new ticket instead.");
        problem.setTitle("Unknown ticket");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    static ErrorResponseException conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Ticket state conflict");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
