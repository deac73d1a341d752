package no.biztek.support.escalation.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers a page on every channel it can use (the webhook, then e-mail), each with retries and
 * exponential backoff. The page is delivered when at least one channel took it: a pager should reach
 * the person by every way it has, and one channel down must not silence it.
 */
final class PageDelivery {

    private static final Logger log = LoggerFactory.getLogger(PageDelivery.class);

    /** How one channel went. */
    record Attempt(String channel, boolean delivered, String failure) {
    }

    record Report(List<Attempt> attempts) {

        boolean delivered() {
            return attempts.stream().anyMatch(Attempt::delivered);
        }

        String failures() {
            if (attempts.isEmpty()) {
                return "no channel can reach the person (no webhook, e-mail disabled)";
            }
            return attempts.stream().filter(a -> !a.delivered()).map(a -> a.channel() + ": " + a.failure())
                    .collect(Collectors.joining("; "));
        }
    }

    @FunctionalInterface
    interface Send {
        void send() throws Exception;
    }

    private final WebhookChannel webhook;
    private final MailChannel mail;
    private final RetryTemplate retry;
    private final MeterRegistry registry;

    PageDelivery(WebhookChannel webhook, MailChannel mail, DeliveryProperties.Retry retry, MeterRegistry registry) {
        this.webhook = webhook;
        this.mail = mail;
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(retry.attempts() - 1L)
                .delay(retry.initialBackoff())
                .multiplier(retry.multiplier())
                .maxDelay(retry.maxBackoff())
                .build());
        this.registry = registry;
    }

    Report deliver(PageMessage message) {
        List<Attempt> attempts = new ArrayList<>();
        if (webhook.target(message) != null) {
            attempts.add(attempt("webhook", message, () -> webhook.send(message)));
        }
        if (mail != null) {
            attempts.add(attempt("email", message, () -> mail.send(message)));
        }
        return new Report(attempts);
    }

    private Attempt attempt(String channel, PageMessage message, Send send) {
        try {
            retry.execute(() -> {
                send.send();
                return null;
            });
            Counter.builder("support.oncall.deliveries").description("Pages taken by a channel")
                    .tag("channel", channel).register(registry).increment();
            return new Attempt(channel, true, null);
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e;
            log.warn("Page {} to {} failed on {} after {} tries: {}", message.pageId(), message.email(), channel,
                    e.getRetryCount() + 1, last.toString());
            Counter.builder("support.oncall.channel.failures")
                    .description("Pages a channel could not take after every retry").tag("channel", channel)
                    .register(registry).increment();
            return new Attempt(channel, false, last.toString());
        }
    }
}
