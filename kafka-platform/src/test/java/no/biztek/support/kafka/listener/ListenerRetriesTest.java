package no.biztek.support.kafka.listener;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

/** Which failures are retried until what they need is back, and which as the caller's back-off says. */
class ListenerRetriesTest {

    private final ListenerRetries retries = ListenerRetries.of(new FixedBackOff(1_000, 3)).untilBack(Away.class);

    @Test
    void aFailureCausedBySomethingAwayIsRetriedForAsLongAsItTakesAtMostHalfAMinuteApart() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("could not publish", new Away()));

        BackOffExecution tries = retries.backOffFor(failure).start();

        assertThat(tries.nextBackOff()).isEqualTo(ListenerRetries.FIRST_WAIT_MS);
        for (int attempt = 0; attempt < 1_000; attempt++) {
            assertThat(tries.nextBackOff()).isNotEqualTo(BackOffExecution.STOP)
                    .isLessThanOrEqualTo(ListenerRetries.LONGEST_WAIT_MS);
        }
    }

    @Test
    void anyOtherFailureIsRetriedAsTheBackOffSays() {
        var failure = new ListenerExecutionFailedException("listener failed", new IllegalStateException("a bug"));

        BackOffExecution tries = retries.backOffFor(failure).start();

        assertThat(tries.nextBackOff()).isEqualTo(1_000);
        assertThat(tries.nextBackOff()).isEqualTo(1_000);
        assertThat(tries.nextBackOff()).isEqualTo(1_000);
        assertThat(tries.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void withoutAnythingToWaitForEveryFailureIsRetriedAsTheBackOffSays() {
        BackOffExecution tries = ListenerRetries.of(new FixedBackOff(10, 1)).backOffFor(new Away()).start();

        assertThat(tries.nextBackOff()).isEqualTo(10);
        assertThat(tries.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void theReasonOfADeadLetterIsWhatTheListenerThrewNotTheContainersWrapper() {
        var thrown = new IllegalStateException("a bug");

        assertThat(ListenerDeadLetters.reason(new ListenerExecutionFailedException("listener failed", thrown)))
                .isSameAs(thrown);
        assertThat(ListenerDeadLetters.reason(thrown)).isSameAs(thrown);
    }

    private static final class Away extends RuntimeException {
    }
}
