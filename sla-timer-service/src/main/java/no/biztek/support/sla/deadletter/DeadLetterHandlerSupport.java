package no.biztek.support.sla.deadletter;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.config.ConfigException;

import no.biztek.support.kafka.DeadLetters;
import no.biztek.support.schemas.topic.Topic;

/** What both exception handlers share: the publisher and service name from the streams config, the record. */
final class DeadLetterHandlerSupport {

    /** Streams config key of the {@link DeadLetterPublisher} instance the handlers use. */
    static final String PUBLISHER = "support.sla.dead-letters.publisher";
    /** Streams config key of the service name written into the dead letters' headers. */
    static final String SERVICE = "support.sla.dead-letters.service";

    private DeadLetterHandlerSupport() {
    }

    static DeadLetterPublisher publisher(Map<String, ?> configs) {
        Object publisher = configs.get(PUBLISHER);
        if (!(publisher instanceof DeadLetterPublisher deadLetterPublisher)) {
            throw new ConfigException(PUBLISHER, publisher, "must be a " + DeadLetterPublisher.class.getName());
        }
        return deadLetterPublisher;
    }

    static String service(Map<String, ?> configs) {
        Object service = configs.get(SERVICE);
        return service == null ? "sla-timer-service" : service.toString();
    }

    static ProducerRecord<byte[], byte[]> deadLetter(String topic, int partition, long offset, byte[] key,
                                                     byte[] value, Headers originalHeaders, Throwable reason,
                                                     String service) {
        RecordHeaders headers = new RecordHeaders();
        if (originalHeaders != null) {
            originalHeaders.forEach(headers::add);
        }
        DeadLetters.explanation(topic, partition, offset, reason, service).forEach(headers::add);
        return new ProducerRecord<>(topic + Topic.DEAD_LETTER_SUFFIX, null, key, value, headers);
    }
}
