package no.biztek.support.escalation.streams;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the paging topology handles its timers and ended pages. The application id, the Kafka Streams settings and the
 * close timeout are the platform's ({@code spring.kafka.streams.*}, {@code support.kafka.streams-close-timeout}); a
 * key of this prefix that is not read here (such as the earlier {@code application-id}, which would otherwise be
 * ignored silently, and a changed application id starts the state afresh) fails start-up.
 *
 * @param punctuationInterval      how often due page timers are looked for
 * @param maxTimersPerPunctuation  bound on the timers fired by one punctuation
 * @param endedPageRetention       how long acknowledged or closed pages (and resolved tickets) are kept in the store
 */
@Validated
@ConfigurationProperties(prefix = "support.escalation.streams", ignoreUnknownFields = false)
record StreamsProperties(@NotNull Duration punctuationInterval, @Min(1) int maxTimersPerPunctuation,
                         @NotNull Duration endedPageRetention) {
}
