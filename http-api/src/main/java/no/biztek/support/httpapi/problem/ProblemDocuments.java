package no.biztek.support.httpapi.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The problem documents (RFC 9457) every service answers with. */
public final class ProblemDocuments {

    /** Problem type of requests with field-level errors; the {@code errors} property lists them. */
    public static final URI INVALID_REQUEST = URI.create("https://biztek.no/problems/invalid-request");
    /** Problem type of a path outside what the service serves (deny by default, 404). */
    public static final URI NOT_SERVED = URI.create("https://biztek.no/problems/not-served");

    private ProblemDocuments() {
    }

    public static ProblemDetail invalid(HttpStatusCode status, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, problems.size() == 1
                ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " fields are invalid");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(problems));
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
