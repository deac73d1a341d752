package no.biztek.support.sla.deadletter;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends dead letters; {@link #publish} returns only once the record is stored, and throws otherwise. */
public interface DeadLetterPublisher {

    void publish(ProducerRecord<byte[], byte[]> deadLetter);
}
