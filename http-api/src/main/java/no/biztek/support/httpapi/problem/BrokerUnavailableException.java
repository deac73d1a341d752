package no.biztek.support.httpapi.problem;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Kafka did not answer in time (a write not acknowledged, or a view that could not read the topic up to
 * now): answered with 503 and Retry-After; nothing was half-written. Shared by every service that writes
 * or reads Kafka on behalf of a request.
 */
public class BrokerUnavailableException extends ErrorResponseException {

    private final HttpHeaders headers = new HttpHeaders();

    public BrokerUnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    /** Kafka did not acknowledge a write in time (what a publisher throws for a request). */
    public static BrokerUnavailableException notAcknowledged(Duration retryAfter, Throwable cause) {
        return new BrokerUnavailableException("Kafka did not acknowledge the event in time; retry later.", retryAfter,
                cause);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDocuments.of(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Kafka unavailable");
        return problem;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
