package no.biztek.support.escalation.delivery;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.DeadLetters;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * Hands an undeliverable page or withdrawal on: its record to {@code support.escalation-events.v1.DLT} (original
 * bytes and coordinates, {@link DeadLetters} headers with the reason; counted in {@code support_dead_letters_total}),
 * then, for a page, a DELIVERY_FAILED command that makes the topology move the page on at once. What was written is
 * remembered in the {@link DeliveryOutcome}: when a write fails the record is handed over again, and only what is
 * still missing is written.
 */
final class UndeliverableReports {

    /** Writes one record and returns once Kafka acknowledged it (throws otherwise). */
    @FunctionalInterface
    interface Sender {
        void send(ProducerRecord<Object, Object> record);
    }

    private final Sender sender;
    private final Topic<String, PageCommand> commands;
    private final DeadLetterMetrics deadLetters;
    private final String service;

    UndeliverableReports(Sender sender, Topic<String, PageCommand> commands, DeadLetterMetrics deadLetters,
                         String service) {
        this.sender = sender;
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.service = service;
    }

    /** Writes what is still to be written of the outcome of the record: its dead letter, then its command. */
    void report(ConsumerRecord<String, byte[]> record, DeliveryOutcome outcome) {
        if (!outcome.deadLettered) {
            byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
            ProducerRecord<byte[], byte[]> deadLetter = DeadLetters.of(Topics.ESCALATION_EVENTS, record.partition(),
                    record.offset(), key, record.value(), record.headers(),
                    new PageDeliveryListener.PageUndeliverableException(outcome.what, outcome.failures), service);
            sender.send(new ProducerRecord<>(deadLetter.topic(), null, outcome.ticketId, deadLetter.value(),
                    deadLetter.headers()));
            outcome.deadLettered = true;
            deadLetters.deadLettered(Topics.ESCALATION_EVENTS.name());
        }
        if (outcome.command != null && !outcome.commanded) {
            sender.send(new ProducerRecord<>(commands.name(), outcome.ticketId, outcome.command));
            outcome.commanded = true;
        }
    }
}
