package no.biztek.support.notification.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the notification service runs.
 *
 * @param mail                 sender address and Message-ID domain of the mails
 * @param retry                how transient SMTP failures are retried before a notification is given up
 * @param cadenceCheckInterval how often (wall clock) due keep-informed reminders and expired waits are looked for
 * @param awaitingGrace        how long a notification waits for its ticket's TicketOpened or its customer's
 *                             directory entry: then it goes to the requester only (customer unknown) or is
 *                             reported as failed (ticket unknown)
 * @param dedupRetention       how long a cause's eventId is remembered, so that it is told only once; also the
 *                             retention of the sent markers
 * @param maxCauseAge          a cause (vendor escalation event) that occurred longer ago than this is not told
 *                             (dropped, counted and logged), e.g. when an old history is replayed; default and
 *                             at most the dedup retention, since an older cause may have been told already
 * @param senderConcurrency    consumer threads of the sender
 */
@Validated
@ConfigurationProperties("support.notification")
public record NotificationProperties(@NotNull @Valid Mail mail,
                                     @NotNull @Valid Retry retry, @NotNull Duration cadenceCheckInterval,
                                     @NotNull Duration awaitingGrace, @NotNull Duration dedupRetention,
                                     Duration maxCauseAge,
                                     @Min(1) Integer senderConcurrency) {

    public NotificationProperties {
        mail = mail == null ? new Mail(null, null, null) : mail;
        retry = retry == null ? new Retry(null, null, null, null, null, null) : retry;
        cadenceCheckInterval = cadenceCheckInterval == null ? Duration.ofSeconds(30) : cadenceCheckInterval;
        awaitingGrace = awaitingGrace == null ? Duration.ofMinutes(15) : awaitingGrace;
        dedupRetention = dedupRetention == null ? Duration.ofDays(90) : dedupRetention;
        maxCauseAge = maxCauseAge == null ? dedupRetention : maxCauseAge;
        senderConcurrency = senderConcurrency == null ? 1 : senderConcurrency;
    }

    /** The maximum cause age must not exceed the dedup memory (an older cause may have been told and forgotten). */
    @AssertTrue(message = "max-cause-age must be positive and not longer than dedup-retention")
    public boolean isMaxCauseAgeWithinDedupRetention() {
        return !maxCauseAge.isNegative() && !maxCauseAge.isZero() && maxCauseAge.compareTo(dedupRetention) <= 0;
    }

    /**
     * @param from            the From address, e.g. {@code Biztek Support <support@biztek.no>}
     * @param replyTo         optional Reply-To address
     * @param messageIdDomain right-hand side of the Message-IDs, which are derived from the notificationId
     */
    public record Mail(@NotBlank String from, String replyTo, @NotBlank String messageIdDomain) {

        public Mail {
            from = from == null ? "Biztek Support <support@biztek.no>" : from;
            replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo;
            messageIdDomain = messageIdDomain == null ? "notification.biztek.no" : messageIdDomain;
        }
    }

    /**
     * How transient SMTP failures (connection refused, 4xx) are retried: first a few times in place (blocking the
     * sender's partition for seconds, which keeps the ticket's mails in order for short hiccups), then with
     * exponential back-off over retry topics (the partition goes on; a later mail may overtake this one).
     *
     * @param initialInterval  first delay of the retry topics
     * @param multiplier       factor between delays
     * @param maxInterval      longest delay
     * @param maxAttempts      attempts over the retry topics in all (the first included) before the DLT
     * @param blockingAttempts attempts in place (the first included) of each delivery before it goes to the next
     *                         retry topic; 1: none
     * @param blockingInterval delay between the attempts in place
     */
    public record Retry(@NotNull Duration initialInterval, @NotNull @DecimalMin("1.0") Double multiplier,
                        @NotNull Duration maxInterval, @NotNull @Min(1) Integer maxAttempts,
                        @NotNull @Min(1) Integer blockingAttempts, @NotNull Duration blockingInterval) {

        public Retry {
            initialInterval = initialInterval == null ? Duration.ofSeconds(5) : initialInterval;
            multiplier = multiplier == null ? 2.0 : multiplier;
            maxInterval = maxInterval == null ? Duration.ofMinutes(10) : maxInterval;
            maxAttempts = maxAttempts == null ? 30 : maxAttempts;
            blockingAttempts = blockingAttempts == null ? 3 : blockingAttempts;
            blockingInterval = blockingInterval == null ? Duration.ofSeconds(3) : blockingInterval;
        }
    }
}
