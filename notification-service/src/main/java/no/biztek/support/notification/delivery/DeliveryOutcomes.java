package no.biztek.support.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import no.biztek.support.notification.stage.Ids;
import no.biztek.support.schemas.notification.CustomerNotificationFailed;
import no.biztek.support.schemas.notification.CustomerNotified;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * Records what became of a notification, synchronously: the sent marker (compacted, consulted before every
 * send) and the platform's CustomerNotified / CustomerNotificationFailed events, with deterministic eventIds
 * so that publishing one again is harmless.
 */
class DeliveryOutcomes {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, byte[]> kafka;
    private final InternalTopics topics;
    private final Clock clock;
    private final String service;

    DeliveryOutcomes(KafkaTemplate<String, byte[]> kafka, InternalTopics topics, Clock clock, String service) {
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
        this.service = service;
    }

    /** The mail was accepted: first the marker, then the event. */
    void sent(SentMarker marker) {
        send(record(topics.sent(), marker.notificationId(), marker));
        notified(marker);
    }

    /** Publishes the CustomerNotified event of an accepted mail (again, if it was already). */
    void notified(SentMarker marker) {
        NotificationEvent event = NotificationEvent.newBuilder()
                .setEventId(Ids.outcomeEventId(marker.notificationId(), "CustomerNotified"))
                .setTicketId(marker.ticketId())
                .setCustomerId(marker.customerId())
                .setOccurredAt(marker.sentAt())
                .setProducer(service)
                .setPayload(CustomerNotified.newBuilder()
                        .setNotificationId(marker.notificationId())
                        .setCauseEventId(marker.causeEventId())
                        .setTemplate(marker.template())
                        .setLocale(marker.locale())
                        .setRecipients(marker.recipients())
                        .setSubject(marker.subject())
                        .build())
                .build();
        publish(event);
    }

    /**
     * Publishes the follow-up of a notification (the same mail for the recipients refused only temporarily) on
     * the commands topic, where it is sent like any command: first attempt, then retries with back-off.
     * Its notificationId is deterministic, so publishing it again is harmless (the sent view stops a second mail).
     */
    void followUp(NotificationCommand followUp) {
        send(record(topics.commands(), followUp.ticketId(), followUp));
    }

    void failed(NotificationCommand command, List<String> recipients, String reason, boolean permanent) {
        NotificationEvent event = NotificationEvent.newBuilder()
                .setEventId(Ids.outcomeEventId(command.notificationId(), "CustomerNotificationFailed"))
                .setTicketId(command.ticketId())
                .setCustomerId(command.customerId())
                .setOccurredAt(now())
                .setProducer(service)
                .setPayload(CustomerNotificationFailed.newBuilder()
                        .setNotificationId(command.notificationId())
                        .setCauseEventId(command.causeEventId())
                        .setTemplate(command.template())
                        .setRecipients(recipients)
                        .setReason(reason)
                        .setPermanent(permanent)
                        .build())
                .build();
        publish(event);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void publish(NotificationEvent event) {
        send(record(Topics.NOTIFICATION_EVENTS, event.getTicketId(), event));
    }

    private static <V> ProducerRecord<String, byte[]> record(Topic<String, V> topic, String key, V value) {
        return new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDeliveryException("interrupted while recording to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TransientDeliveryException("cannot record to " + record.topic() + ": " + e.getMessage(), e);
        }
    }
}
