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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.sla.deadletter.DeadLetterPublisher;

/** Sends dead letters with an idempotent producer of its own and waits for the broker's acknowledgement. */
final class KafkaDeadLetterPublisher implements DeadLetterPublisher, AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, Object> config;
    private final Counter published;
    private Producer<byte[], byte[]> producer;

    KafkaDeadLetterPublisher(Map<String, Object> producerProperties, MeterRegistry registry) {
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
        this.published = Counter.builder("support.sla.dead.letters")
                .description("Ticket events sent to the dead-letter topic").register(registry);
    }

    @Override
    public void publish(ProducerRecord<byte[], byte[]> deadLetter) {
        try {
            producer().send(deadLetter).get(SEND_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            published.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("dead letter not stored: " + e.getMessage(), e);
        }
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
