package no.biztek.support.intake.zendesk;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503 with Retry-After: this instance remembers as many Zendesk deliveries of the signature window as it may
 * ({@code support.intake.zendesk.max-remembered-deliveries}), and taking another without remembering it would
 * let its replay through. Nothing was published; Zendesk retries.
 */
class TooManyDeliveriesException extends ErrorResponseException {

    private final HttpHeaders headers = new HttpHeaders();

    TooManyDeliveriesException(Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds() + 1)));
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many Zendesk deliveries within the signature window to tell replays apart; retry later.");
        problem.setTitle("Zendesk deliveries throttled");
        return problem;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
