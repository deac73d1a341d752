package no.biztek.support.kafka.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.schemas.topic.DeadLetterHeaders;

/** The retry topics' dead letters: the platform's explanation, and counted once written. */
class RetryTopicDeadLettersTest {

    private static final String COMMANDS = "test.commands";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aRecordOfARetryTopicIsExplainedWithWhereItWasFirstRead() {
        var record = new ConsumerRecord<>(COMMANDS + ".retry-1", 2, 7, "k", new byte[0]);
        record.headers().add(KafkaHeaders.ORIGINAL_TOPIC, COMMANDS.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(0, 1).array());
        record.headers().add(KafkaHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(0, 41).array());

        Headers headers = RetryTopicDeadLetters.explanation(record,
                new ListenerExecutionFailedException("listener failed", new IllegalStateException("SMTP said 550")),
                "test-service");

        assertThat(header(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(COMMANDS);
        assertThat(header(headers, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("1");
        assertThat(header(headers, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("41");
        assertThat(header(headers, DeadLetterHeaders.REASON))
                .isEqualTo("java.lang.IllegalStateException: SMTP said 550");
        assertThat(header(headers, DeadLetterHeaders.SERVICE)).isEqualTo("test-service");
    }

    @Test
    void aRecordOfTheMainTopicIsExplainedWithItsOwnCoordinates() {
        var record = new ConsumerRecord<>(COMMANDS, 2, 7, "k", new byte[0]);

        Headers headers = RetryTopicDeadLetters.explanation(record, new IllegalStateException("x"), "test-service");

        assertThat(header(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(COMMANDS);
        assertThat(header(headers, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("2");
        assertThat(header(headers, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("7");
    }

    @Test
    void aDeadLetterIsCountedByTheTopicItCameFromOnceWrittenAndARetryIsNot() {
        KafkaOperations<Object, Object> kafka = acknowledging();

        publisher(kafka, COMMANDS + ".retry-0").accept(record(), null, new IllegalStateException("try again"));
        assertThat(counted()).isZero();

        publisher(kafka, COMMANDS + ".DLT").accept(record(), null, new IllegalStateException("give up"));
        assertThat(counted()).isEqualTo(1.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeadLetterKafkaDidNotTakeIsNotCountedAndFails() {
        KafkaOperations<Object, Object> kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new KafkaException("not acknowledged")));

        assertThatThrownBy(() -> publisher(kafka, COMMANDS + ".DLT").accept(record(), null,
                new IllegalStateException("give up"))).isInstanceOf(org.springframework.kafka.KafkaException.class);
        assertThat(counted()).isZero();
    }

    @Test
    void aPublisherThatWouldNotWaitForKafkaIsRefused() {
        DeadLetterPublishingRecoverer publisher = publisher(acknowledging(), COMMANDS + ".DLT");

        assertThatThrownBy(() -> publisher.setFailIfSendResultIsError(false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private DeadLetterPublishingRecoverer publisher(KafkaOperations<Object, Object> kafka, String destination) {
        return RetryTopicDeadLetters.countedIn(new DeadLetterMetrics(registry))
                .create(record -> kafka, (record, failure) -> new TopicPartition(destination, -1));
    }

    @SuppressWarnings("unchecked")
    private static KafkaOperations<Object, Object> acknowledging() {
        KafkaOperations<Object, Object> kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            ProducerRecord<Object, Object> sent = call.getArgument(0);
            return CompletableFuture.completedFuture(new SendResult<>(sent,
                    new RecordMetadata(new TopicPartition(sent.topic(), 0), 0, 0, 0, 0, 0)));
        });
        return kafka;
    }

    private static ConsumerRecord<String, byte[]> record() {
        return new ConsumerRecord<>(COMMANDS, 0, 3, "k", "v".getBytes(StandardCharsets.UTF_8));
    }

    private double counted() {
        var counter = registry.find("support.dead.letters").tag("topic", COMMANDS).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
