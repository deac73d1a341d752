package no.biztek.support.escalation.publish;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Kafka did not acknowledge in time: answered with 503 and Retry-After; nothing was half-written. */
public class BrokerUnavailableException extends ErrorResponseException {

    private final HttpHeaders headers = new HttpHeaders();

    public BrokerUnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Kafka unavailable");
        return problem;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
