package no.biztek.support.notification.delivery;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import no.biztek.support.notification.compose.Contact;
import no.biztek.support.notification.stage.Ids;
import no.biztek.support.kafka.serde.JsonSerde;

/**
 * Sends each mail command once: consults the sent view, hands the mail to the SMTP server, then records it
 * (sent marker, CustomerNotified). A transient failure is thrown for the retry topics to try again with
 * back-off; a permanent one sends the command to the dead-letter topic, whose handler reports it.
 */
class CommandSender {

    static final String LISTENER_ID = "notification-sender";
    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);
    private static final JsonSerde<NotificationCommand> COMMANDS = JsonSerde.of(NotificationCommand.class);

    private final SentView sentView;
    private final SmtpDelivery smtp;
    private final DeliveryOutcomes outcomes;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    CommandSender(SentView sentView, SmtpDelivery smtp, DeliveryOutcomes outcomes, DeliveryMetrics metrics,
                  Clock clock) {
        this.sentView = sentView;
        this.smtp = smtp;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.clock = clock;
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{@internalTopics.commands().name()}",
            containerFactory = DeliveryConfiguration.CONTAINER_FACTORY)
    void onCommand(ConsumerRecord<String, byte[]> record) {
        NotificationCommand command = decode(record.value());
        try {
            deliver(command);
        } catch (TransientDeliveryException e) {
            metrics.retried();
            log.warn("Notification {} of ticket {} not delivered yet, will retry: {}", command.notificationId(),
                    command.ticketId(), e.getMessage());
            throw e;
        }
    }

    static NotificationCommand decode(byte[] value) {
        if (value == null) {
            throw new PermanentDeliveryException("empty mail command", List.of());
        }
        try {
            return COMMANDS.decode(value);
        } catch (SerializationException e) {
            throw new PermanentDeliveryException("undecodable mail command: " + e.getMessage(), List.of(), e);
        }
    }

    private void deliver(NotificationCommand command) {
        Optional<SentMarker> sent = sentView.find(command.notificationId());
        if (sent.isPresent()) {
            log.info("Notification {} of ticket {} was already sent at {}; not sending it again",
                    command.notificationId(), command.ticketId(), sent.get().sentAt());
            outcomes.notified(sent.get());
            followUp(command, sent.get().deferred());
            return;
        }
        List<Contact> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Contact recipient : command.recipients()) {
            if (SmtpDelivery.isValidAddress(recipient.email())) {
                valid.add(recipient);
            } else {
                invalid.add(recipient.email());
            }
        }
        if (valid.isEmpty()) {
            // also the pipeline's undeliverable commands (no recipients, ticket unknown): DLT, failure event, metric
            String reason = command.undeliverable() != null ? command.undeliverable()
                    : "no valid recipient address: " + invalid;
            throw new PermanentDeliveryException(reason, invalid);
        }

        SmtpDelivery.Result result = smtp.send(command, valid);

        SentMarker marker = new SentMarker(command.notificationId(), command.causeEventId(), command.template(),
                command.ticketId(), command.customerId(), command.locale(), result.delivered(), command.subject(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), result.deferred());
        try {
            outcomes.sent(marker);
        } catch (TransientDeliveryException e) {
            log.error("Notification {} was accepted by the mail server but could not be recorded; a retry may send"
                    + " it again (same Message-ID)", command.notificationId(), e);
            throw e;
        }
        metrics.sent(command.template());
        log.info("Notification {} ({}) of ticket {} sent to {}", command.notificationId(), command.template(),
                command.ticketId(), result.delivered());
        followUp(command, result.deferred());

        List<String> notReached = new ArrayList<>(invalid);
        notReached.addAll(result.rejected());
        if (!notReached.isEmpty()) {
            String reason = (result.reason() == null ? "" : result.reason() + "; ")
                    + "not delivered to " + notReached;
            throw new PermanentDeliveryException(reason, notReached);
        }
    }

    /**
     * The mail went to some recipients while the server refused others only temporarily (4xx, e.g. greylisting):
     * they get it through a follow-up notification with its own retries, so those who have it do not get it again.
     */
    private void followUp(NotificationCommand command, List<String> deferred) {
        if (deferred.isEmpty()) {
            return;
        }
        List<Contact> recipients = command.recipients().stream().filter(c -> deferred.contains(c.email())).toList();
        NotificationCommand followUp = command.forRecipients(Ids.followUpNotificationId(command.notificationId()),
                recipients);
        log.warn("Notification {} of ticket {}: the mail server refused {} for now; trying them again as"
                + " notification {}", command.notificationId(), command.ticketId(), deferred, followUp.notificationId());
        outcomes.followUp(followUp);
    }
}
