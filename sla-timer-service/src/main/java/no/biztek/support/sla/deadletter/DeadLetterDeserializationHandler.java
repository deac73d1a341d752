package no.biztek.support.sla.deadletter;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ticket event that cannot be decoded goes, byte for byte with its headers, to the topic's dead-letter
 * topic with the reason and original coordinates ({@code DeadLetters}); processing continues. If the
 * dead letter cannot be stored the handler fails, so the record is read again rather than lost.
 *
 * <p>Kafka Streams 4.1 has no dead-letter records returned from handlers (KIP-1034 came with 4.2), so
 * the dead letter is sent by its own producer, outside the processing transaction: after a crash
 * before the next commit a dead letter may be written twice (its headers name the same coordinates).
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetterPublisher publisher;
    private String service;

    @Override
    public void configure(Map<String, ?> configs) {
        publisher = DeadLetterHandlerSupport.publisher(configs);
        service = DeadLetterHandlerSupport.service(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        try {
            publisher.publish(DeadLetterHandlerSupport.deadLetter(record.topic(), record.partition(), record.offset(),
                    record.key(), record.value(), record.headers(), exception, service));
            log.warn("Undecodable record {}-{}@{} sent to the dead-letter topic: {}", record.topic(),
                    record.partition(), record.offset(), exception.getMessage());
            return DeserializationHandlerResponse.CONTINUE;
        } catch (RuntimeException e) {
            log.error("Cannot dead-letter undecodable record {}-{}@{}; failing so it is read again",
                    record.topic(), record.partition(), record.offset(), e);
            return DeserializationHandlerResponse.FAIL;
        }
    }
}
