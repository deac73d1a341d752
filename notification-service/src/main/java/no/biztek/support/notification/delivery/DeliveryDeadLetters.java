package no.biztek.support.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.serde.JsonSerde;

/**
 * Handles the mail commands that reached the dead-letter topic: publishes CustomerNotificationFailed
 * (permanent, or retries exhausted) for the recipients the mail did not reach, and counts it in
 * {@code support_notifications_failed_total} ({@code support_dead_letters_total} counted it when it was written).
 */
class DeliveryDeadLetters {

    /** Header listing (JSON array) the addresses a notification did not reach. */
    static final String FAILED_RECIPIENTS = "support.notification.failed-recipients";
    /** Header: "true" when the notification failed permanently, "false" when its retries were exhausted. */
    static final String PERMANENT = "support.notification.permanent";
    /** Header: why the last attempt failed. */
    static final String REASON = "support.notification.reason";

    private static final Logger log = LoggerFactory.getLogger(DeliveryDeadLetters.class);
    @SuppressWarnings("unchecked")
    private static final JsonSerde<List<String>> ADDRESSES = (JsonSerde<List<String>>) (JsonSerde<?>) JsonSerde.of(List.class);

    private final DeliveryOutcomes outcomes;
    private final DeliveryMetrics metrics;
    DeliveryDeadLetters(DeliveryOutcomes outcomes, DeliveryMetrics metrics) {
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    /** Called by the retry-topic machinery for each record of the commands' dead-letter topic. */
    public void handle(ConsumerRecord<String, byte[]> record) {
        metrics.failed();
        NotificationCommand command;
        try {
            command = CommandSender.decode(record.value());
        } catch (PermanentDeliveryException e) {
            log.error("Undecodable mail command {}-{}@{} dead-lettered: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        boolean permanent = "true".equals(header(record, PERMANENT));
        String reason = header(record, REASON);
        String failed = header(record, FAILED_RECIPIENTS);
        List<String> notReached = failed == null ? command.addresses()
                : ADDRESSES.decode(failed.getBytes(StandardCharsets.UTF_8));
        String why = (permanent ? "" : "retries exhausted: ") + (reason == null ? "delivery failed" : reason);
        log.error("Notification {} ({}) of ticket {} could not be delivered to {}: {}", command.notificationId(),
                command.template(), command.ticketId(), notReached, why);
        outcomes.failed(command, notReached, why, permanent);
    }

    static byte[] encodeAddresses(List<String> addresses) {
        return ADDRESSES.encode(addresses);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
