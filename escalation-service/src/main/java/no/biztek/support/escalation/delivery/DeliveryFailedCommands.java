package no.biztek.support.escalation.delivery;

import org.apache.kafka.clients.producer.ProducerRecord;

import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.schemas.topic.Topic;

/**
 * Tells the topology that a page could not be delivered: a DELIVERY_FAILED command, which moves the page on to the
 * next level at once. Written once per outcome: a record handed over again after a failed write writes it then, and
 * not again once it is written. (The undeliverable record itself is a dead letter, written by the error handler.)
 */
final class DeliveryFailedCommands {

    /** Writes one record and returns once Kafka acknowledged it (throws otherwise). */
    @FunctionalInterface
    interface Sender {
        void send(ProducerRecord<Object, Object> record);
    }

    private final Sender sender;
    private final Topic<String, PageCommand> commands;

    DeliveryFailedCommands(Sender sender, Topic<String, PageCommand> commands) {
        this.sender = sender;
        this.commands = commands;
    }

    /** The command of an undeliverable page, unless it was written already; nothing for a withdrawal. */
    void send(DeliveryOutcome outcome) {
        if (outcome.command != null && !outcome.commanded) {
            sender.send(new ProducerRecord<>(commands.name(), outcome.ticketId, outcome.command));
            outcome.commanded = true;
        }
    }
}
