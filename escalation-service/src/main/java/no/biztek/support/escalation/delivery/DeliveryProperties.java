package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How pages reach people: a webhook (the person's own, else the default one) and e-mail, each tried
 * with retries and exponential backoff. A page counts as delivered when at least one channel took it.
 *
 * @param webhook the webhook channel
 * @param mail    the e-mail channel (SMTP server: {@code spring.mail.*})
 * @param retry   attempts and backoff of each channel
 * @param desk    the support desk's channel for SLA warnings
 */
@Validated
@ConfigurationProperties("support.escalation.delivery")
public record DeliveryProperties(@NotNull @Valid Webhook webhook, @NotNull @Valid Mail mail,
                                 @NotNull @Valid Retry retry, @Valid Desk desk) {

    public DeliveryProperties {
        desk = desk == null ? new Desk(null, 75) : desk;
    }

    /**
     * The support desk's channel for SLA warnings (same body format as the webhook).
     *
     * @param webhook             where warnings go; unset: warnings notify nobody
     * @param minThresholdPercent only warnings at or above this share of the target are posted
     */
    public record Desk(URI webhook, @Min(1) @Max(100) int minThresholdPercent) {

        public Desk {
            webhook = webhook == null || webhook.toString().isBlank() ? null : webhook;
        }
    }

    /** Webhook bodies: plain JSON, a Microsoft Teams message card, or a Slack message. */
    public enum Format { PLAIN, TEAMS, SLACK }

    /**
     * @param url     the default webhook, for people without their own; unset: only people with a webhook get one
     * @param format  body format of every webhook
     * @param timeout connect and response timeout of one attempt
     */
    public record Webhook(URI url, @NotNull Format format, @NotNull Duration timeout) {

        public Webhook {
            url = url == null || url.toString().isBlank() ? null : url;
        }
    }

    /**
     * @param enabled send pages by e-mail
     * @param from    sender address
     */
    public record Mail(boolean enabled, @NotBlank @Email String from) {
    }

    /**
     * @param attempts       tries per channel and page (1: no retry)
     * @param initialBackoff wait before the second try
     * @param multiplier     each further wait is this much longer
     * @param maxBackoff     longest wait between tries
     */
    public record Retry(@Min(1) @Max(10) int attempts, @NotNull Duration initialBackoff,
                        @DecimalMin("1.0") double multiplier, @NotNull Duration maxBackoff) {
    }
}
