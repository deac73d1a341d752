package no.biztek.support.sla.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No SLA clock for the ticket: 404 problem document. */
class TicketNotFoundException extends ErrorResponseException {

    TicketNotFoundException(String ticketId) {
        super(HttpStatus.NOT_FOUND, problem(ticketId), null);
    }

    private static ProblemDetail problem(String ticketId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No SLA clock for ticket '" + ticketId + "'");
        problem.setTitle("Unknown ticket");
        return problem;
    }
}
