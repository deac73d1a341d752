package no.biztek.support.escalation.api;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.httpapi.problem.ProblemDocuments;

/**
 * The problem documents (http-api's {@link ProblemDocuments}) this service throws: a missing resource, a
 * request that conflicts with the recorded state, or Kafka not answering in time (503 with Retry-After).
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, detail);
    }

    /** 503 with Retry-After: the service could not read or write Kafka in time; nothing was decided. */
    public static ErrorResponseException unavailable(String detail, Duration retryAfter) {
        return new BrokerUnavailableException(detail, retryAfter, null);
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDocuments.of(status, detail), null);
    }
}
