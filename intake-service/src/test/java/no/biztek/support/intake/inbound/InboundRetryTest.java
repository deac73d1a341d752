package no.biztek.support.intake.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import no.biztek.support.httpapi.problem.BrokerUnavailableException;

/** Which failures of an inbound record are retried for as long as it takes, and which end in the dead-letter topic. */
class InboundRetryTest {

    @Test
    void kafkaUnavailableIsRetriedUntilItIsBack() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new BrokerUnavailableException("Kafka did not acknowledge", Duration.ofSeconds(5), null));

        BackOffExecution retries = InboundListenerConfiguration.retries().backOffFor(failure).start();

        for (int attempt = 0; attempt < 1_000; attempt++) {
            assertThat(retries.nextBackOff()).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(30_000);
        }
    }

    @Test
    void anyOtherFailureIsRetriedAFewTimesAndThenDeadLettered() {
        var failure = new ListenerExecutionFailedException("listener failed", new IllegalStateException("a bug"));

        BackOff backOff = InboundListenerConfiguration.retries().backOffFor(failure);
        BackOffExecution retries = backOff.start();

        assertThat(retries.nextBackOff()).isEqualTo(1_000);
        assertThat(retries.nextBackOff()).isEqualTo(1_000);
        assertThat(retries.nextBackOff()).isEqualTo(1_000);
        assertThat(retries.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }
}
