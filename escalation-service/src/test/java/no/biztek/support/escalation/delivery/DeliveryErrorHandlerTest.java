package no.biztek.support.escalation.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.SendResult;
import org.springframework.util.backoff.BackOffExecution;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.listener.ListenerDeadLetters;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topics;

/**
 * The delivery listeners' error handler: what it dead-letters at once, what after its retries (it used to log
 * and skip such a record, and a page could be lost), and what it retries until Kafka is back.
 */
class DeliveryErrorHandlerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<ProducerRecord<Object, Object>> written = new ArrayList<>();
    private final Consumer<?, ?> consumer = mock(Consumer.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final DefaultErrorHandler errorHandler = DeliveryConsumerConfiguration.errorHandler(
            new ListenerDeadLetters(kafka(), "escalation-service", new DeadLetterMetrics(registry)));

    @SuppressWarnings("unchecked")
    private KafkaOperations<Object, Object> kafka() {
        KafkaOperations<Object, Object> kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            ProducerRecord<Object, Object> record = call.getArgument(0);
            written.add(record);
            return CompletableFuture.completedFuture(new SendResult<>(record,
                    new RecordMetadata(new TopicPartition(record.topic(), 0), 0, 0, 0, 0, 0)));
        });
        return kafka;
    }

    private static ConsumerRecord<String, byte[]> record(String topic) {
        return new ConsumerRecord<>(topic, 1, 42, "ticket-1", "event".getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the error handler is done with the record (dead-lettered it) rather than handing it over again. */
    private boolean done(Exception thrown, ConsumerRecord<String, byte[]> record) {
        try {
            errorHandler.handleRemaining(new ListenerExecutionFailedException("listener failed", thrown),
                    List.of(record), consumer, container);
            return true;
        } catch (RuntimeException handedOverAgain) {
            return false;
        }
    }

    private double counted(String topic) {
        return registry.get("support.dead.letters").tag("topic", topic).counter().count();
    }

    @Test
    void anUndeliverablePageIsDeadLetteredAtOnceWithItsReasonAndCounted() {
        var record = record(Topics.ESCALATION_EVENTS.name());

        assertThat(done(new PageDeliveryListener.PageUndeliverableException("page p-1", "webhook: HTTP 500"), record))
                .isTrue();

        assertThat(written).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo(Topics.ESCALATION_EVENTS.deadLetterTopicName());
            assertThat(letter.key()).isEqualTo("ticket-1");
            assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                    StandardCharsets.UTF_8)).contains("PageUndeliverableException: page p-1 could not be delivered");
        });
        assertThat(counted(Topics.ESCALATION_EVENTS.name())).isEqualTo(1.0);
    }

    @Test
    void aRecordWhoseHandlingKeepsFailingIsDeadLetteredAfterItsRetriesInsteadOfSkipped() {
        var record = record(Topics.SLA_EVENTS.name());
        var bug = new IllegalStateException("a bug of ours");

        for (int retry = 0; retry < DeliveryConsumerConfiguration.MAX_RECORD_RETRIES; retry++) {
            assertThat(done(bug, record)).as("retry %d", retry + 1).isFalse();
        }
        assertThat(written).isEmpty();
        assertThat(done(bug, record)).isTrue();

        assertThat(written).singleElement()
                .satisfies(letter -> assertThat(letter.topic()).isEqualTo(Topics.SLA_EVENTS.deadLetterTopicName()));
        assertThat(counted(Topics.SLA_EVENTS.name())).isEqualTo(1.0);
    }

    @Test
    void aCommandKafkaDidNotAcknowledgeIsRetriedUntilKafkaIsBack() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new BrokerUnavailableException("Kafka did not acknowledge", Duration.ofSeconds(5), null));

        BackOffExecution retries = DeliveryConsumerConfiguration.retries().backOffFor(failure).start();

        for (int attempt = 0; attempt < 1_000; attempt++) {
            assertThat(retries.nextBackOff()).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(30_000);
        }
    }

    @Test
    void aRecordOfATopicTheListenersDoNotReadIsNotDeadLetteredSomewhereElse() {
        assertThatThrownBy(() -> errorHandler.handleRemaining(new ListenerExecutionFailedException("listener failed",
                new PageDeliveryListener.PageUndeliverableException("page p-1", "none")),
                List.of(record("some.other.topic")), consumer, container)).isInstanceOf(RuntimeException.class);
        assertThat(written).isEmpty();
    }
}
