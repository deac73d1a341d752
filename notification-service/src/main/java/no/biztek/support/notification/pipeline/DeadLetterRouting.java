package no.biztek.support.notification.pipeline;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.DeadLetters;

/**
 * Decodes the raw values of one input topic inside a processor and sends what cannot be decoded or
 * processed to that topic's dead-letter topic, in the same exactly-once transaction as the rest: the
 * original key, bytes and headers plus the reason and the original coordinates.
 */
final class DeadLetterRouting<T> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRouting.class);

    private final ProcessorContext<String, Object> context;
    private final String topic;
    private final Deserializer<T> deserializer;
    private final String deadLetterSink;
    private final String service;
    private final DeadLetterMetrics metrics;

    DeadLetterRouting(ProcessorContext<String, Object> context, String topic, Deserializer<T> deserializer,
                             String deadLetterSink, String service, DeadLetterMetrics metrics) {
        this.context = context;
        this.topic = topic;
        this.deserializer = deserializer;
        this.deadLetterSink = deadLetterSink;
        this.service = service;
        this.metrics = metrics;
    }

    /** The decoded value; null for a tombstone, or when the record went to the dead-letter topic. */
    T decode(Record<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return deserializer.deserialize(topic, record.value());
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return null;
        }
    }

    /** Sends the record to the dead-letter topic with the reason. */
    void deadLetter(Record<String, byte[]> record, Throwable reason) {
        RecordMetadata metadata = context.recordMetadata().orElse(null);
        int partition = metadata == null ? -1 : metadata.partition();
        long offset = metadata == null ? -1 : metadata.offset();
        log.warn("Dead-lettering record {}-{}@{} (key {}): {}", topic, partition, offset, record.key(),
                DeadLetters.describe(reason));
        Headers headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        DeadLetters.explanation(topic, partition, offset, reason, service).forEach(headers::add);
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers),
                deadLetterSink);
        metrics.deadLettered(topic);
    }
}
