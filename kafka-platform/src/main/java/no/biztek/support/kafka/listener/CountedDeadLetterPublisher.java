package no.biztek.support.kafka.listener;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.schemas.topic.Topic;

/**
 * Spring's dead-letter publisher that counts each record it wrote to a dead-letter topic in
 * {@code support_dead_letters_total}, by the topic it came from, once Kafka acknowledged it (a write that fails
 * throws before it is counted). Records it forwards to a retry topic are not dead letters and not counted.
 */
final class CountedDeadLetterPublisher extends DeadLetterPublishingRecoverer {

    private final DeadLetterMetrics metrics;

    /** Writes with {@code template} (in a transaction of its own when it is transactional). */
    CountedDeadLetterPublisher(KafkaOperations<?, ?> template,
                               BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
                               DeadLetterMetrics metrics) {
        super(template, destination);
        this.metrics = metrics;
    }

    /** As the retry topics' factory creates it. */
    CountedDeadLetterPublisher(Function<ProducerRecord<?, ?>, ? extends KafkaOperations<?, ?>> templates,
                               BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
                               DeadLetterMetrics metrics) {
        super(templates, destination);
        this.metrics = metrics;
    }

    /** Spring's default, and what the retry topics' factory sets: publish waits for Kafka's acknowledgement. */
    @Override
    public void setFailIfSendResultIsError(boolean failIfSendResultIsError) {
        if (!failIfSendResultIsError) {
            throw new IllegalArgumentException("a dead letter is counted only once Kafka acknowledged it");
        }
        super.setFailIfSendResultIsError(true);
    }

    @Override
    protected void publish(ProducerRecord<Object, Object> outRecord, KafkaOperations<Object, Object> template,
                           ConsumerRecord<?, ?> inRecord) {
        super.publish(outRecord, template, inRecord);
        String topic = outRecord.topic();
        if (topic.endsWith(Topic.DEAD_LETTER_SUFFIX)) {
            metrics.deadLettered(topic.substring(0, topic.length() - Topic.DEAD_LETTER_SUFFIX.length()));
        }
    }
}
