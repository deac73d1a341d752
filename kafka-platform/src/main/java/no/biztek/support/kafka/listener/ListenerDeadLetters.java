package no.biztek.support.kafka.listener;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.DeadLetters;
import no.biztek.support.kafka.deadletter.DeadLetterRoute;
import no.biztek.support.kafka.deadletter.UnprocessableRecordException;
import no.biztek.support.schemas.topic.Topic;

/**
 * The dead letters of a {@code @KafkaListener} (what {@link DeadLetterRoute} is for a Kafka Streams topology):
 * spring-kafka's {@link DefaultErrorHandler} with its dead-letter publisher. A record whose listener throws is tried
 * again as {@link ListenerRetries} says, then written to {@link Topic#deadLetterTopicName()} with its original key,
 * value and headers and the platform's explanation ({@link DeadLetters#explanation}: reason, original coordinates,
 * service), counted in {@code support_dead_letters_total} once Kafka acknowledged it, and logged; the consumer goes
 * on with the next record. A failure that can never succeed goes there without retries: an
 * {@link UnprocessableRecordException}, spring's own (e.g. a conversion), and what the caller adds with
 * {@link DefaultErrorHandler#addNotRetryableExceptions}. A dead letter Kafka does not take is not skipped: the
 * record is handed to the listener again, and dead-lettered again, until it is written.
 *
 * <pre>
 * DefaultErrorHandler errors = new ListenerDeadLetters(template, service, metrics).errorHandler("inbound",
 *         ListenerRetries.of(new FixedBackOff(1_000, 3)).untilBack(BrokerUnavailableException.class), Topics.INBOUND);
 * errors.addNotRetryableExceptions(RejectedInboundEvent.class);
 * containerFactory.setCommonErrorHandler(errors);
 * </pre>
 */
public final class ListenerDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ListenerDeadLetters.class);

    private final KafkaOperations<?, ?> template;
    private final String service;
    private final DeadLetterMetrics metrics;

    /**
     * @param template writes the dead letters: the listener's key and value types as they are (e.g. String, byte[])
     * @param service  named in every dead letter's headers
     */
    public ListenerDeadLetters(KafkaOperations<?, ?> template, String service, DeadLetterMetrics metrics) {
        this.template = template;
        this.service = service;
        this.metrics = metrics;
    }

    /**
     * The error handler of the listeners of {@code topics} (their counts show 0 from the start).
     *
     * @param what names the records in the log ("Dead-lettered inbound record ...")
     */
    public DefaultErrorHandler errorHandler(String what, ListenerRetries retries, Topic<?, ?>... topics) {
        Map<String, Topic<?, ?>> byName = new LinkedHashMap<>();
        for (Topic<?, ?> topic : topics) {
            byName.put(topic.name(), topic);
            metrics.register(topic.name());
        }
        var publisher = new CountedDeadLetterPublisher(template,
                (record, failure) -> new TopicPartition(deadLetterTopic(byName, record), -1), metrics);
        publisher.setHeadersFunction((record, failure) -> DeadLetters.explanation(record.topic(), record.partition(),
                record.offset(), reason(failure), service));
        var handler = new DefaultErrorHandler((record, failure) -> {
            publisher.accept(record, failure);
            log.warn("Dead-lettered {} record {}-{}@{} (key {}): {}", what, record.topic(), record.partition(),
                    record.offset(), record.key(), DeadLetters.describe(reason(failure)));
        });
        handler.setBackOffFunction((record, failure) -> retries.backOffFor(failure));
        handler.addNotRetryableExceptions(UnprocessableRecordException.class);
        return handler;
    }

    /** What the listener threw, without the container's wrapper. */
    static Throwable reason(Exception failure) {
        Throwable reason = failure;
        while (reason instanceof ListenerExecutionFailedException && reason.getCause() != null) {
            reason = reason.getCause();
        }
        return reason;
    }

    private static String deadLetterTopic(Map<String, Topic<?, ?>> byName, ConsumerRecord<?, ?> record) {
        Topic<?, ?> topic = byName.get(record.topic());
        if (topic == null) {
            throw new IllegalStateException("no dead-letter topic for a record of " + record.topic()
                    + ": the error handler was made for " + byName.keySet());
        }
        return topic.deadLetterTopicName();
    }
}
