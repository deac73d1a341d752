package no.biztek.support.kafka.listener;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory.DeadLetterPublisherCreator;
import org.springframework.kafka.support.KafkaHeaders;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.DeadLetters;

/**
 * The same dead letters for a listener with non-blocking retries (spring-kafka's retry topics), where retries must
 * not hold up the records behind it: the platform's explanation with the coordinates where the record was first read,
 * and the count at the moment its dead letter is written. For a service's
 * {@code RetryTopicConfigurationSupport#configureDeadLetterPublishingContainerFactory}:
 *
 * <pre>
 * factory.setDeadLetterPublisherCreator(RetryTopicDeadLetters.countedIn(metrics));
 * factory.setHeadersFunction((record, failure) -&gt; RetryTopicDeadLetters.explanation(record, failure, service));
 * </pre>
 */
public final class RetryTopicDeadLetters {

    private RetryTopicDeadLetters() {
    }

    /** Spring's publisher for {@link DeadLetterPublishingRecovererFactory}, counting each dead letter once written. */
    public static DeadLetterPublisherCreator countedIn(DeadLetterMetrics metrics) {
        return (templates, destination) -> new CountedDeadLetterPublisher(templates, destination, metrics);
    }

    /**
     * {@link DeadLetters#explanation} of a record of the main topic or of one of its retry topics: the topic,
     * partition and offset it was first read at (which spring keeps in the retry topics' headers).
     */
    public static Headers explanation(ConsumerRecord<?, ?> record, Exception failure, String service) {
        Header topic = record.headers().lastHeader(KafkaHeaders.ORIGINAL_TOPIC);
        Header partition = record.headers().lastHeader(KafkaHeaders.ORIGINAL_PARTITION);
        Header offset = record.headers().lastHeader(KafkaHeaders.ORIGINAL_OFFSET);
        return DeadLetters.explanation(
                topic == null ? record.topic() : new String(topic.value(), StandardCharsets.UTF_8),
                partition == null || partition.value().length != Integer.BYTES ? record.partition()
                        : ByteBuffer.wrap(partition.value()).getInt(),
                offset == null || offset.value().length != Long.BYTES ? record.offset()
                        : ByteBuffer.wrap(offset.value()).getLong(),
                ListenerDeadLetters.reason(failure), service);
    }
}
