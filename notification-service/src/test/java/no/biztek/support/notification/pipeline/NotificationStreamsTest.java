package no.biztek.support.notification.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** A failed stream thread is replaced, as in the sibling services, instead of stopping the pipeline unnoticed. */
class NotificationStreamsTest {

    @Test
    void aStreamThreadThatFailsIsReplaced() {
        assertThat(NotificationStreams.onUncaughtException(new TimeoutException("broker unreachable")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(NotificationStreams.onUncaughtException(new IllegalStateException("bug")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
