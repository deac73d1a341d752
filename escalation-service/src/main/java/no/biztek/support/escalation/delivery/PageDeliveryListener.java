package no.biztek.support.escalation.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.topic.Topics;

/**
 * Delivers the pages the topology emits (OnCallPaged, PageReEscalated), and the ends of pages (PageAcknowledged,
 * PageClosed of any reason: to everyone paged for the page), at least once: a consumer group of its own on
 * {@code support.escalation-events.v1} (committed records only), offsets committed after delivery. What is
 * delivered is {@link PageEventDelivery}'s decision. An event handled before (by id) is not delivered again while
 * the instance runs.
 *
 * <p>A page no channel took, or the end of a page that did not reach everyone paged, is recorded as handled first (so
 * a redelivered record never delivers it or counts it again), then counted
 * ({@code support_oncall_delivery_failures_total}); for a page the DELIVERY_FAILED command is written
 * ({@link DeliveryFailedCommands}), and then the record is handed to the error handler as a
 * {@link PageUndeliverableException}, which writes it to {@code support.escalation-events.v1.DLT}
 * ({@link DeliveryConsumerConfiguration}). When the command cannot be written, the error handler hands the record
 * over again and the command is written then.
 */
final class PageDeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(PageDeliveryListener.class);
    static final String ID = "page-delivery";
    private static final int REMEMBERED_EVENTS = 10_000;

    private final PageEventDelivery delivery;
    private final DeliveryFailedCommands commands;
    private final Counter deliveryFailures;
    private final Map<String, DeliveryOutcome> handled = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliveryOutcome> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    };

    PageDeliveryListener(PageEventDelivery delivery, DeliveryFailedCommands commands, MeterRegistry registry) {
        this.delivery = delivery;
        this.commands = commands;
        this.deliveryFailures = Counter.builder("support.oncall.delivery.failures")
                .description("Pages no channel could take (they move on to the next level), and withdrawals of pages "
                        + "that did not reach everyone paged").register(registry);
    }

    @KafkaListener(id = ID, containerFactory = "deliveryContainerFactory",
            topics = "#{T(no.biztek.support.schemas.topic.Topics).ESCALATION_EVENTS.name()}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        EscalationEvent event;
        try {
            event = Topics.ESCALATION_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return; // the topology dead-letters undecodable records of this topic
        }
        if (event == null || !delivered(event.getPayload())) {
            return;
        }
        DeliveryOutcome outcome;
        synchronized (handled) {
            outcome = handled.get(event.getEventId());
        }
        if (outcome == null) {
            outcome = delivery.deliver(event);
            synchronized (handled) {
                handled.put(event.getEventId(), outcome);
            }
            if (outcome.undeliverable()) {
                log.error("The {} (ticket {}) could not be delivered: {}", outcome.what, outcome.ticketId,
                        outcome.failures);
                deliveryFailures.increment();
            }
        }
        if (outcome.undeliverable()) {
            commands.send(outcome);
            throw new PageUndeliverableException(outcome.what, outcome.failures);
        }
    }

    /** The events this listener delivers: pages, and the ends of pages (acknowledged, closed, withdrawn). */
    private static boolean delivered(Object payload) {
        return payload instanceof OnCallPaged || payload instanceof PageReEscalated
                || payload instanceof PageClosed || payload instanceof PageAcknowledged;
    }

    /**
     * The reason written into the dead letter of an undeliverable page or withdrawal. It stays nested here: its
     * class name is part of the dead letters' reason header.
     */
    static final class PageUndeliverableException extends RuntimeException {
        PageUndeliverableException(String what, String failures) {
            super(what + " could not be delivered: " + failures);
        }
    }
}
