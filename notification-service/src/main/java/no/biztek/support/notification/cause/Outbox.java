package no.biztek.support.notification.cause;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.notification.stage.StageNames;

/** Produces mail commands for the sender on the commands topic, keyed by ticketId. */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final ProcessorContext<String, Object> context;
    private final MailCommands commands;

    Outbox(ProcessorContext<String, Object> context, MailCommands commands) {
        this.context = context;
        this.commands = commands;
    }

    void send(Outgoing outgoing, Instant now) {
        NotificationCommand command = commands.of(outgoing);
        if (outgoing.withheld() == null && command.undeliverable() != null) {
            log.warn("Notification {} of ticket {}: {}", command.notificationId(), command.ticketId(),
                    command.undeliverable());
        }
        context.forward(new Record<String, Object>(command.ticketId(), command, now.toEpochMilli()),
                StageNames.COMMANDS_SINK);
    }
}
