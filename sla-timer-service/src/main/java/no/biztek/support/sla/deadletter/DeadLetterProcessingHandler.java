package no.biztek.support.sla.deadletter;

import java.util.Map;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ticket event that decodes but cannot be processed (e.g. opened before any policy version) goes to the
 * dead-letter topic as its original bytes, and processing continues. Failures of Kafka itself (state
 * stores, producer) and of punctuations are not the record's fault: they fail the stream thread, which
 * is replaced and resumes from the last commit, so nothing is lost.
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetterPublisher publisher;
    private String service;

    @Override
    public void configure(Map<String, ?> configs) {
        publisher = DeadLetterHandlerSupport.publisher(configs);
        service = DeadLetterHandlerSupport.service(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof KafkaException || context.topic() == null || context.offset() < 0) {
            log.error("Processing failed outside a record's fault (node {}, task {}); failing the stream thread",
                    context.processorNodeId(), context.taskId(), exception);
            return ProcessingHandlerResponse.FAIL;
        }
        try {
            publisher.publish(DeadLetterHandlerSupport.deadLetter(context.topic(), context.partition(),
                    context.offset(), context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception,
                    service));
            log.warn("Unprocessable record {}-{}@{} sent to the dead-letter topic: {}", context.topic(),
                    context.partition(), context.offset(), exception.getMessage());
            return ProcessingHandlerResponse.CONTINUE;
        } catch (RuntimeException e) {
            log.error("Cannot dead-letter unprocessable record {}-{}@{}; failing so it is processed again",
                    context.topic(), context.partition(), context.offset(), e);
            return ProcessingHandlerResponse.FAIL;
        }
    }
}
