package no.biztek.support.escalation.api;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the HTTP API writes and validates.
 *
 * @param acknowledgementTimeout how long a request waits for Kafka before answering 503; keep it above
 *                               the producer's delivery.timeout.ms. Also how long a page acknowledgement
 *                               waits for the topology to end the page
 * @param retryAfter             Retry-After of a 503
 * @param lookupTimeout          how long a request waits to read its views up to now before it validates
 *                               (and to read back its own write before it answers); 503 when that fails
 * @param maxClockSkew           how far in the future a client's timestamp may lie
 * @param maxTimeEntry           the longest single time entry accepted
 */
@Validated
@ConfigurationProperties("support.escalation.api")
public record ApiProperties(@NotNull Duration acknowledgementTimeout, @NotNull Duration retryAfter,
                            @NotNull Duration lookupTimeout, @NotNull Duration maxClockSkew,
                            @NotNull Duration maxTimeEntry) {
}
