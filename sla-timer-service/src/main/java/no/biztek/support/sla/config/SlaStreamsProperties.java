package no.biztek.support.sla.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the SLA clocks run. Kafka itself is configured under {@code spring.kafka.*}
 * ({@code bootstrap-servers}, {@code streams.application-id} (default: spring.application.name),
 * {@code streams.state-dir}, {@code streams.properties.*}).
 *
 * @param punctuationInterval     how often the wall-clock timer looks for due timers (breach lag is at
 *                                most about this plus the commit interval)
 * @param maxTimersPerPunctuation timers handled per look; the rest at the next one
 * @param closedClockRetention    how long a clock with a verdict (MET, BREACHED) or STOPPED is kept after its
 *                                last change, for the status query, deduplication and corrections by late
 *                                facts, before it is deleted; a fact arriving later is dead-lettered
 * @param backlogWait             how long a task that starts (restart, rebalance) waits to have read the records
 *                                already in its partition before it fires its timers anyway
 * @param forwardTimeout          time limit of a status query forwarded to the instance owning the ticket
 * @param statusWait              how long a status query keeps trying while the ticket's clock moves between
 *                                instances (a rebalance closes and reopens stores) before it answers 503; 0: never
 * @param forwardingToken         the Bearer token this instance forwards status queries with (a secret; its
 *                                SHA-256 must be among {@code support.api.tokens} with scope {@code read});
 *                                unset: a query for a ticket another instance owns is answered 503
 */
@Validated
@ConfigurationProperties("support.sla")
public record SlaStreamsProperties(@NotNull Duration punctuationInterval,
                                   @Min(1) @Max(1_000_000) Integer maxTimersPerPunctuation,
                                   @NotNull Duration closedClockRetention,
                                   @NotNull Duration backlogWait,
                                   @NotNull Duration forwardTimeout,
                                   @NotNull Duration statusWait,
                                   String forwardingToken) {

    public SlaStreamsProperties {
        punctuationInterval = punctuationInterval == null ? Duration.ofMillis(50) : punctuationInterval;
        maxTimersPerPunctuation = maxTimersPerPunctuation == null ? 10_000 : maxTimersPerPunctuation;
        closedClockRetention = closedClockRetention == null ? Duration.ofDays(30) : closedClockRetention;
        backlogWait = backlogWait == null ? Duration.ofSeconds(30) : backlogWait;
        forwardTimeout = forwardTimeout == null ? Duration.ofSeconds(5) : forwardTimeout;
        statusWait = statusWait == null ? Duration.ofSeconds(3) : statusWait;
        forwardingToken = forwardingToken == null || forwardingToken.isBlank() ? null : forwardingToken;
    }

    /** Names the properties, never the forwarding token. */
    @Override
    public String toString() {
        return "SlaStreamsProperties[punctuationInterval=" + punctuationInterval + ", maxTimersPerPunctuation="
                + maxTimersPerPunctuation + ", closedClockRetention=" + closedClockRetention + ", backlogWait="
                + backlogWait + ", forwardTimeout=" + forwardTimeout + ", statusWait=" + statusWait + ", forwardingToken=" + (forwardingToken == null ? "none" : "***")
                + "]";
    }
}
