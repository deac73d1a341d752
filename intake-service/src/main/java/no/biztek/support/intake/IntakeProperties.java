package no.biztek.support.intake;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * intake-service settings.
 *
 * @param maxClockSkew           how far in the future a client's timestamp may lie (its clock may run ahead)
 * @param acknowledgementTimeout how long a request waits for Kafka's acknowledgement before answering 503;
 *                               keep it above the producer's delivery.timeout.ms
 * @param retryAfter             Retry-After of a 503
 * @param lookupTimeout          how long a lifecycle request waits to catch up with tickets other instances wrote
 * @param zendesk                the Zendesk webhook
 */
@Validated
@ConfigurationProperties("support.intake")
public record IntakeProperties(@NotNull Duration maxClockSkew, @NotNull Duration acknowledgementTimeout,
                               @NotNull Duration retryAfter, @NotNull Duration lookupTimeout,
                               @Valid @NotNull Zendesk zendesk) {

    /**
     * @param signingSecret    the webhook's signing secret (Zendesk shows it on the webhook page)
     * @param maxSignatureAge  older signature timestamps are refused (replay protection)
     */
    public record Zendesk(String signingSecret, @NotNull Duration maxSignatureAge) {
    }
}
