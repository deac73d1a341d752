package no.biztek.support.escalation.streams;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The paging and billing stream processing.
 *
 * @param applicationId            Kafka Streams application.id: instances with the same id share the work;
 *                                 also names the internal topics (page commands, changelogs)
 * @param punctuationInterval      how often due page timers are looked for
 * @param maxTimersPerPunctuation  bound on the timers fired by one punctuation
 * @param endedPageRetention       how long acknowledged or closed pages are kept in the store
 * @param closeTimeout             how long a shutdown waits for the stream threads
 */
@Validated
@ConfigurationProperties("support.escalation.streams")
public record StreamsProperties(@NotBlank String applicationId, @NotNull Duration punctuationInterval,
                                @Min(1) int maxTimersPerPunctuation, @NotNull Duration endedPageRetention,
                                @NotNull Duration closeTimeout) {
}
