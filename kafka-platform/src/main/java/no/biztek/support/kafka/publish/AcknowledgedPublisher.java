package no.biztek.support.kafka.publish;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;

import no.biztek.support.schemas.topic.Topic;

/**
 * Publishes one record on behalf of a caller who must know it is written (an HTTP request, a listener that
 * commits its offset next) and returns only once the broker acknowledged it (idempotent producer,
 * {@code acks=all}). Keep the wait above the producer's own {@code delivery.timeout.ms}: when this gives up,
 * the producer has given up too and nothing is written behind the caller's back.
 * <p>
 * A record that cannot be encoded is a programming error ({@link IllegalStateException}); a broker that does
 * not acknowledge in time becomes the exception the caller's service chose (an HTTP service answers 503 with
 * Retry-After), so this class stays free of HTTP.
 */
public class AcknowledgedPublisher {

    private final KafkaTemplate<Object, Object> template;
    private final Duration acknowledgementTimeout;
    private final Function<Exception, RuntimeException> notAcknowledged;

    /**
     * @param notAcknowledged what to throw when the broker did not acknowledge in time; gets the failure
     */
    public AcknowledgedPublisher(KafkaTemplate<Object, Object> template, Duration acknowledgementTimeout,
                                 Function<Exception, RuntimeException> notAcknowledged) {
        this.template = Objects.requireNonNull(template, "template");
        this.acknowledgementTimeout = Objects.requireNonNull(acknowledgementTimeout, "acknowledgementTimeout");
        this.notAcknowledged = Objects.requireNonNull(notAcknowledged, "notAcknowledged");
    }

    /** Where the broker wrote the record. */
    public <V> RecordMetadata publish(Topic<String, V> topic, String key, V value) {
        return send(new ProducerRecord<>(topic.name(), key, value));
    }

    /** With record headers; where the broker wrote the record. */
    public <V> RecordMetadata publish(Topic<String, V> topic, String key, V value, Iterable<Header> headers) {
        return send(new ProducerRecord<>(topic.name(), null, key, value, headers));
    }

    /** Any record (a dead letter, an internal command); where the broker wrote it. */
    public RecordMetadata send(ProducerRecord<Object, Object> record) {
        try {
            return template.send(record).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
        } catch (TimeoutException | ExecutionException | KafkaException
                 | org.springframework.kafka.KafkaException e) {
            if (Stream.iterate((Throwable) e, Objects::nonNull, Throwable::getCause)
                    .anyMatch(SerializationException.class::isInstance)) {
                throw new IllegalStateException("cannot encode a record for " + record.topic(), e);
            }
            throw notAcknowledged.apply(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notAcknowledged.apply(e);
        }
    }
}
