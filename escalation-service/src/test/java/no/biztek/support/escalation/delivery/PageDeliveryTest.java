package no.biztek.support.escalation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.escalation.facts.TicketFacts;

/** A page goes to every channel at the same time, each with its own retries. */
class PageDeliveryTest {

    static final PageMessage PAGE = new PageMessage("event-1", "page-1", "ticket-1", "kunde-as", "CRITICAL",
            "CRITICAL_TICKET_OPENED", 1, "on-call engineer", 1, null, "Nora Berg", "nora@biztek.no",
            URI.create("http://localhost:1/hooks/nora"), Instant.parse("2026-03-03T01:15:00Z"),
            URI.create("http://localhost:8083/ack/abc.def"), TicketFacts.unknown("ticket-1", "kunde-as"), List.of());

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A channel that answers by a function of the attempt. */
    record FakeChannel(String name, Attempt attempt) implements Channel {
        interface Attempt {
            void run() throws Exception;
        }

        @Override
        public boolean reaches(OnCallMessage message) {
            return true;
        }

        @Override
        public void send(OnCallMessage message) throws Exception {
            attempt.run();
        }
    }

    static DeliveryProperties.Retry retry(int attempts) {
        return new DeliveryProperties.Retry(attempts, Duration.ofMillis(1), 1.0, Duration.ofMillis(1));
    }

    @Test
    void theChannelsOfAPageRunInParallelSoAHangingWebhookDoesNotHoldBackTheMail() {
        CountDownLatch mailSent = new CountDownLatch(1);
        // the webhook only answers once the mail went out: delivered one after the other, it would give up first
        Channel webhook = new FakeChannel("webhook", () -> {
            if (!mailSent.await(20, TimeUnit.SECONDS)) {
                throw new IOException("the mail was not sent while the webhook was busy");
            }
        });
        Channel mail = new FakeChannel("email", mailSent::countDown);
        PageDelivery delivery = new PageDelivery(List.of(webhook, mail), DeliveryRetry.template(retry(1)), executor,
                registry);

        PageDelivery.Report report = delivery.deliver(PAGE);

        assertThat(report.attempts()).extracting(PageDelivery.Attempt::channel).containsExactly("webhook", "email");
        assertThat(report.attempts()).allSatisfy(a -> assertThat(a.delivered()).as(a.toString()).isTrue());
        assertThat(registry.get("support.oncall.deliveries").tag("channel", "webhook").counter().count()).isEqualTo(1.0);
    }

    @Test
    void eachChannelIsRetriedOnItsOwnAndOneTakingThePageIsEnough() {
        int[] webhookTries = {0};
        Channel webhook = new FakeChannel("webhook", () -> {
            webhookTries[0]++;
            throw new IOException("webhook answered HTTP 503");
        });
        Channel mail = new FakeChannel("email", () -> { });
        PageDelivery delivery = new PageDelivery(List.of(webhook, mail), DeliveryRetry.template(retry(3)), executor,
                registry);

        PageDelivery.Report report = delivery.deliver(PAGE);

        assertThat(report.delivered()).isTrue();
        assertThat(webhookTries[0]).isEqualTo(3);
        assertThat(report.failures()).contains("webhook: java.io.IOException: webhook answered HTTP 503");
        assertThat(registry.get("support.oncall.channel.failures").tag("channel", "webhook").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aRecordWhoseHandlingFailsIsRetriedABoundedNumberOfTimes() {
        BackOff backOff = DeliveryConsumerConfiguration.recordBackOff();
        BackOffExecution execution = backOff.start();
        int waits = 0;
        while (execution.nextBackOff() != BackOffExecution.STOP) {
            waits++;
            assertThat(waits).as("the error handler gives up").isLessThanOrEqualTo(100);
        }
        assertThat(waits).isEqualTo(DeliveryConsumerConfiguration.MAX_RECORD_RETRIES);
    }
}
