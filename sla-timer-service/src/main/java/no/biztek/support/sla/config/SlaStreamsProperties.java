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
 * {@code streams.state-dir}, {@code streams.properties.*}); forwarding a status query to the instance owning the
 * ticket under {@code support.api.forwarding.*} (http-api's {@code InstanceForwarding}).
 *
 * @param punctuationInterval     how often the wall-clock timer looks for due timers (breach lag is at
 *                                most about this plus the commit interval)
 * @param maxTimersPerPunctuation timers handled per look; the rest at the next one
 * @param closedClockRetention    how long a clock with a verdict (MET, BREACHED) or STOPPED is kept after its
 *                                last change, for the status query, deduplication and corrections by late
 *                                facts, before it is deleted; a fact arriving later is dead-lettered
 * @param backlogWait             how long a task that starts (restart, rebalance) waits to have read the records
 *                                already in its partition before it fires its timers anyway
 * @param statusWait              how long a status query keeps trying while the ticket's clock moves between
 *                                instances (a rebalance closes and reopens stores) before it answers 503; 0: never
 */
@Validated
@ConfigurationProperties("support.sla")
public record SlaStreamsProperties(@NotNull Duration punctuationInterval,
                                   @Min(1) @Max(1_000_000) Integer maxTimersPerPunctuation,
                                   @NotNull Duration closedClockRetention,
                                   @NotNull Duration backlogWait,
                                   @NotNull Duration statusWait) {

    public SlaStreamsProperties {
        punctuationInterval = punctuationInterval == null ? Duration.ofMillis(50) : punctuationInterval;
        maxTimersPerPunctuation = maxTimersPerPunctuation == null ? 10_000 : maxTimersPerPunctuation;
        closedClockRetention = closedClockRetention == null ? Duration.ofDays(30) : closedClockRetention;
        backlogWait = backlogWait == null ? Duration.ofSeconds(30) : backlogWait;
        statusWait = statusWait == null ? Duration.ofSeconds(3) : statusWait;
    }
}
