package no.biztek.support.sla.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.sla.deadletter.DeadLetterPublisher;

/** Sends dead letters with an idempotent producer of its own and waits for the broker's acknowledgement. */
final class KafkaDeadLetterPublisher implements DeadLetterPublisher, AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, Object> config;
    private final DeadLetterMetrics metrics;
    private Producer<byte[], byte[]> producer;

    KafkaDeadLetterPublisher(Map<String, Object> producerProperties, DeadLetterMetrics metrics) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "sla-timer-dead-letters");
        this.config = config;
        this.metrics = metrics;
        metrics.register(Topics.TICKET_EVENTS.name());
    }

    @Override
    public void publish(ProducerRecord<byte[], byte[]> deadLetter) {
        try {
            producer().send(deadLetter).get(SEND_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            metrics.deadLettered(originalTopic(deadLetter.topic()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("dead letter not stored: " + e.getMessage(), e);
        }
    }

    private static String originalTopic(String deadLetterTopic) {
        return deadLetterTopic.endsWith(Topic.DEAD_LETTER_SUFFIX)
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - Topic.DEAD_LETTER_SUFFIX.length())
                : deadLetterTopic;
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
