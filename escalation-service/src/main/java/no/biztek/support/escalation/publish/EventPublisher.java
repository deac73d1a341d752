package no.biztek.support.escalation.publish;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import no.biztek.support.escalation.ApiProperties;
import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.schemas.topic.Topic;

/**
 * Publishes one record and returns only once the broker acknowledged it (idempotent producer,
 * {@code acks=all}). The wait outlasts the producer's own delivery timeout, so when this gives up the
 * producer has given up too and nothing is written behind the caller's back.
 */
@Component
public class EventPublisher {

    private final KafkaTemplate<Object, Object> template;
    private final Duration acknowledgementTimeout;
    private final Duration retryAfter;

    EventPublisher(KafkaTemplate<Object, Object> template, ApiProperties properties) {
        this.template = template;
        this.acknowledgementTimeout = properties.acknowledgementTimeout();
        this.retryAfter = properties.retryAfter();
    }

    /** Where the broker wrote the record. */
    public <V> RecordMetadata publish(Topic<String, V> topic, String key, V value) {
        return send(new ProducerRecord<>(topic.name(), key, value));
    }

    /** With record headers (e.g. who acknowledged a page through the API); where the broker wrote it. */
    public <V> RecordMetadata publish(Topic<String, V> topic, String key, V value, Iterable<Header> headers) {
        return send(new ProducerRecord<>(topic.name(), null, key, value, headers));
    }

    /** Any record (e.g. a dead letter or a command); where the broker wrote it. */
    public RecordMetadata send(ProducerRecord<Object, Object> record) {
        try {
            return template.send(record).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
        } catch (TimeoutException | ExecutionException | KafkaException
                 | org.springframework.kafka.KafkaException e) {
            if (causedBy(e, SerializationException.class)) {
                throw new IllegalStateException("cannot encode a record for " + record.topic(), e);
            }
            throw new BrokerUnavailableException("Kafka did not acknowledge the event in time; retry later.",
                    retryAfter, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while waiting for Kafka.", retryAfter, e);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
