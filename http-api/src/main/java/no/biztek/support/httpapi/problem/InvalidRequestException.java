package no.biztek.support.httpapi.problem;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that is well-formed but breaks a rule the service checks itself (e.g. a response before
 * the ticket was opened). Answered with a 400 (or the given 4xx) problem document listing the fields.
 */
public class InvalidRequestException extends ErrorResponseException {

    public InvalidRequestException(List<FieldProblem> problems) {
        this(HttpStatus.BAD_REQUEST, problems);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidRequestException(HttpStatus status, List<FieldProblem> problems) {
        super(status, ProblemDocuments.invalid(status, problems), null);
    }
}
