package no.biztek.support.escalation.streams;

import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.DeadLetters;

/**
 * Decodes and checks each record of an input topic. A record that cannot be decoded, has no key, is an
 * unexpected tombstone or breaks a rule of {@code check} becomes a dead letter for the topic's DLT: the
 * original bytes and headers plus the reason and original coordinates ({@link DeadLetters}); it is
 * written in the same transaction as everything else, so exactly once, and processing goes on. Each one is
 * counted in {@code support_dead_letters_total{topic}} ({@link DeadLetterMetrics}; a transaction that is
 * retried after a crash may count its dead letters again).
 */
final class Decoder implements FixedKeyProcessor<String, byte[], Decoded> {

    private static final Logger log = LoggerFactory.getLogger(Decoder.class);

    private final String topic;
    private final String deadLetterTopic;
    private final Deserializer<?> deserializer;
    private final boolean tombstonesAllowed;
    private final Function<Object, String> check;
    private final String service;
    private final DeadLetterMetrics deadLetters;
    private FixedKeyProcessorContext<String, Decoded> context;

    /**
     * @param check returns what is wrong with a decoded value, or null when it can be processed
     */
    Decoder(String topic, String deadLetterTopic, Deserializer<?> deserializer, boolean tombstonesAllowed,
            Function<Object, String> check, String service, DeadLetterMetrics deadLetters) {
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.deserializer = deserializer;
        this.tombstonesAllowed = tombstonesAllowed;
        this.check = check;
        this.service = service;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Decoded> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        try {
            if (record.key() == null) {
                throw new InvalidRecordException("the record has no key");
            }
            if (record.value() == null) {
                if (!tombstonesAllowed) {
                    throw new InvalidRecordException("the record has no value");
                }
                context.forward(record.withValue(Decoded.ok(null, topic, null)));
                return;
            }
            Object value = deserializer.deserialize(topic, record.headers(), record.value());
            String problem = check.apply(value);
            if (problem != null) {
                throw new InvalidRecordException(problem);
            }
            context.forward(record.withValue(Decoded.ok(value, topic, record.value())));
        } catch (RuntimeException e) {
            Optional<RecordMetadata> metadata = context.recordMetadata();
            int partition = metadata.map(RecordMetadata::partition).orElse(-1);
            long offset = metadata.map(RecordMetadata::offset).orElse(-1L);
            log.warn("Dead-lettering record {}-{}@{}: {}", topic, partition, offset, e.getMessage());
            RecordHeaders headers = new RecordHeaders();
            record.headers().forEach(headers::add);
            DeadLetters.explanation(topic, partition, offset, e, service).forEach(headers::add);
            context.forward(record.withValue(Decoded.deadLetter(topic, record.value(), deadLetterTopic))
                    .withHeaders(headers));
            deadLetters.deadLettered(topic);
        }
    }

    /** A decodable record that breaks a rule of the service. */
    static final class InvalidRecordException extends RuntimeException {
        InvalidRecordException(String message) {
            super(message);
        }
    }
}
