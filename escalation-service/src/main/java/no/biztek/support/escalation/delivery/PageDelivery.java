package no.biztek.support.escalation.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers a page (or the withdrawal of one) on every channel that can reach the person (webhook and e-mail) at
 * the same time, each with its own retries and backoff: a webhook that is down and being retried does not hold
 * back the e-mail. The message is delivered when at least one channel took it: a pager should reach the person by
 * every way it has, and one channel down must not silence or delay it.
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

    private final List<Channel> channels;
    private final RetryTemplate retry;
    private final Executor executor;
    private final MeterRegistry registry;

    /**
     * @param executor runs the channels of a page in parallel (one task per channel)
     */
    PageDelivery(List<Channel> channels, RetryTemplate retry, Executor executor, MeterRegistry registry) {
        this.channels = List.copyOf(channels);
        this.retry = retry;
        this.executor = executor;
        this.registry = registry;
    }

    Report deliver(OnCallMessage message) {
        return deliverAll(List.of(message)).get(0);
    }

    /** Delivers each message (to each its person) at the same time; a report per message, in their order. */
    List<Report> deliverAll(List<? extends OnCallMessage> messages) {
        List<List<CompletableFuture<Attempt>>> started = messages.stream().map(message -> channels.stream()
                .filter(c -> c.reaches(message))
                .map(c -> CompletableFuture.supplyAsync(() -> attempt(c, message), executor)).toList()).toList();
        return started.stream().map(attempts -> new Report(attempts.stream().map(CompletableFuture::join).toList()))
                .toList();
    }

    private Attempt attempt(Channel channel, OnCallMessage message) {
        try {
            retry.execute(() -> {
                channel.send(message);
                return null;
            });
            Counter.builder("support.oncall.deliveries").description("Pages and page withdrawals taken by a channel")
                    .tag("channel", channel.name()).register(registry).increment();
            return new Attempt(channel.name(), true, null);
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e;
            log.warn("Page {} to {} failed on {} after {} tries: {}", message.pageId(), message.email(),
                    channel.name(), e.getRetryCount() + 1, last.toString());
            return failed(channel, last);
        } catch (RuntimeException e) {
            log.warn("Page {} to {} failed on {}: {}", message.pageId(), message.email(), channel.name(), e.toString());
            return failed(channel, e);
        }
    }

    private Attempt failed(Channel channel, Throwable failure) {
        Counter.builder("support.oncall.channel.failures")
                .description("Pages and page withdrawals a channel could not take after every retry")
                .tag("channel", channel.name())
                .register(registry).increment();
        return new Attempt(channel.name(), false, failure.toString());
    }
}
