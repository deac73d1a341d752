package no.biztek.support.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topic;

/**
 * Dead-letter records of the platform (SPEC §4): the original key, value and headers, sent to
 * {@code <topic>.DLT} with the reason and the original coordinates in {@link DeadLetterHeaders}.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** The headers that explain a dead letter. */
    public static Headers explanation(String originalTopic, int partition, long offset, Throwable reason,
                                      String service) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, bytes(describe(reason)));
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(originalTopic));
        headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(Integer.toString(partition)));
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(Long.toString(offset)));
        headers.add(DeadLetterHeaders.SERVICE, bytes(service));
        return headers;
    }

    /** A dead letter for a record read from {@code topic}: original bytes and headers, plus the explanation. */
    public static ProducerRecord<byte[], byte[]> of(Topic<?, ?> topic, int partition, long offset, byte[] key,
                                                    byte[] value, Headers originalHeaders, Throwable reason,
                                                    String service) {
        RecordHeaders headers = new RecordHeaders();
        if (originalHeaders != null) {
            originalHeaders.forEach(headers::add);
        }
        explanation(topic.name(), partition, offset, reason, service).forEach(headers::add);
        return new ProducerRecord<>(topic.deadLetterTopicName(), null, key, value, headers);
    }

    /** Exception class and message of the reason and of its root cause. */
    public static String describe(Throwable reason) {
        Throwable root = reason;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = reason.getClass().getName() + ": " + reason.getMessage();
        return root == reason ? text : text + " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}
