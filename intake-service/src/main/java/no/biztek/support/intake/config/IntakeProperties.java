package no.biztek.support.intake.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * intake-service settings (defaults in application.yaml, documented in the README).
 *
 * @param maxClockSkew           how far in the future a client's timestamp may lie (its clock may run ahead)
 * @param acknowledgementTimeout how long a request waits for Kafka's acknowledgement before answering 503;
 *                               keep it above the producer's delivery.timeout.ms
 * @param retryAfter             Retry-After of a 503
 * @param lookupTimeout          how long a lifecycle request waits to catch up with tickets other instances wrote
 * @param ticketRetention        how long after its resolution a resolved ticket stays known; later it is
 *                               forgotten, and an opening may lie no further in the past than this
 * @param slaStatusBaseUrl       where sla-timer-service answers {@code /api/v1/tickets/{id}/sla}: the
 *                               {@code Location} of a 202
 * @param zendesk                the Zendesk webhook
 */
@Validated
@ConfigurationProperties("support.intake")
public record IntakeProperties(@NotNull Duration maxClockSkew, @NotNull Duration acknowledgementTimeout,
                               @NotNull Duration retryAfter, @NotNull Duration lookupTimeout,
                               @NotNull @DurationMin(hours = 1) Duration ticketRetention,
                               @NotNull URI slaStatusBaseUrl,
                               @Valid @NotNull Zendesk zendesk) {

    /**
     * @param signingSecret           the webhook's signing secret (Zendesk shows it on the webhook page)
     * @param maxSignatureAge         older signature timestamps are refused (replay protection)
     * @param maxRememberedDeliveries how many signatures of the last {@code maxSignatureAge} are remembered to
     *                                recognise a replayed delivery; when full, new deliveries get 503 with
     *                                Retry-After until the oldest ones have aged out
     */
    public record Zendesk(String signingSecret, @NotNull Duration maxSignatureAge,
                          @Min(1) int maxRememberedDeliveries) {
    }
}
