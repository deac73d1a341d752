package no.biztek.support.notification.customer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.DeadLetters;
import no.biztek.support.schemas.topic.Topics;

/**
 * Sends the customer records the directory cannot use (undecodable, no key, a key that is not the record's
 * customerId) to {@code support.customers.v1.DLT}, with the original key, bytes and headers and the
 * platform's dead-letter headers. A global store's processor cannot write to a topic, so this small consumer
 * (its own group, committed offsets, at least once) does it beside the directory; it changes nothing else.
 */
class CustomerDirectoryCheck {

    static final String LISTENER_ID = "notification-customer-check";
    private static final Logger log = LoggerFactory.getLogger(CustomerDirectoryCheck.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> kafka;
    private final DeadLetterMetrics metrics;
    private final String service;

    CustomerDirectoryCheck(KafkaTemplate<String, byte[]> kafka, DeadLetterMetrics metrics, String service) {
        this.kafka = kafka;
        this.metrics = metrics;
        this.service = service;
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{T(no.biztek.support.schemas.topic.Topics).CUSTOMERS.name()}",
            containerFactory = CustomerConfiguration.CONTAINER_FACTORY)
    void onCustomer(ConsumerRecord<String, byte[]> record) {
        try {
            CustomerRecords.read(record.key(), record.value());
        } catch (RuntimeException invalid) {
            deadLetter(record, invalid);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException reason) {
        log.warn("Dead-lettering customer record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                record.offset(), record.key(), DeadLetters.describe(reason));
        Headers headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        DeadLetters.explanation(record.topic(), record.partition(), record.offset(), reason, service)
                .forEach(headers::add);
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(Topics.CUSTOMERS.deadLetterTopicName(), null,
                record.key(), record.value(), headers);
        try {
            kafka.send(deadLetter).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering a customer record", e);
        } catch (ExecutionException | TimeoutException e) {
            // not acknowledged: the container's error handler tries the record again (never lost)
            throw new IllegalStateException("cannot dead-letter customer record " + record.key() + ": "
                    + e.getMessage(), e);
        }
        metrics.deadLettered(record.topic());
    }
}
