package no.biztek.support.escalation.delivery;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * The one retry policy of every outbound channel (pages by webhook and e-mail, the desk's SLA warnings):
 * {@code delivery.retry.attempts} tries with exponential backoff. Thread-safe; each call backs off on its own.
 */
final class DeliveryRetry {

    private DeliveryRetry() {
    }

    static RetryTemplate template(DeliveryProperties.Retry retry) {
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(retry.attempts() - 1L)
                .delay(retry.initialBackoff())
                .multiplier(retry.multiplier())
                .maxDelay(retry.maxBackoff())
                .build());
    }
}
