package no.biztek.support.notification.customer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import no.biztek.support.kafka.deadletter.UnprocessableRecordException;

/**
 * Finds the customer records the directory cannot use (undecodable, no key, a key that is not the record's
 * customerId) and hands them to the error handler, which sends them to {@code support.customers.v1.DLT} with the
 * original key, bytes and headers and the platform's dead-letter headers ({@link CustomerConfiguration}). A global
 * store's processor cannot write to a topic, so this small consumer (its own group, committed offsets, at least
 * once) does it beside the directory; it changes nothing else.
 */
class CustomerDirectoryCheck {

    static final String LISTENER_ID = "notification-customer-check";

    @KafkaListener(id = LISTENER_ID, topics = "#{T(no.biztek.support.schemas.topic.Topics).CUSTOMERS.name()}",
            containerFactory = CustomerConfiguration.CONTAINER_FACTORY)
    void onCustomer(ConsumerRecord<String, byte[]> record) {
        try {
            CustomerRecords.read(record.key(), record.value());
        } catch (RuntimeException invalid) {
            throw new UnprocessableRecordException("not a customer directory entry: " + invalid.getMessage(), invalid);
        }
    }
}
