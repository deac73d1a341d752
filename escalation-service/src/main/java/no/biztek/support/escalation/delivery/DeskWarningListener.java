package no.biztek.support.escalation.delivery;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.annotation.KafkaListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.paging.BreachPaging;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaWarning;
import no.biztek.support.schemas.topic.Topics;

/**
 * Posts SLA warnings (at or above the configured threshold) to the support desk's webhook, when one is
 * configured: during opening hours the desk sees a ticket running out of time. Posts too the SLA breaches that
 * page nobody by the breach paging configuration ({@link BreachPaging}; by default every resolution breach), so
 * that a breach always reaches someone. Posted like pages (the same {@link WebhookChannel}, body format and
 * timeouts) with the same retry policy, once per event id; best effort: a message the desk webhook does not take
 * is logged and counted ({@code support_desk_warnings_failed_total}, {@code support_desk_breaches_failed_total}),
 * not dead-lettered; undecodable SLA events are dead-lettered by the topology.
 */
final class DeskWarningListener {

    private static final Logger log = LoggerFactory.getLogger(DeskWarningListener.class);

    private final DeliveryProperties properties;
    private final BreachPaging breachPaging;
    private final ZoneId zone;
    private final WebhookChannel webhook;
    private final RetryTemplate retry;
    private final Counter failed;
    private final Counter breachesFailed;
    private final Set<String> posted = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    DeskWarningListener(DeliveryProperties properties, BreachPaging breachPaging, ZoneId zone, WebhookChannel webhook,
                        RetryTemplate retry, MeterRegistry registry) {
        this.properties = properties;
        this.breachPaging = breachPaging;
        this.zone = zone;
        this.webhook = webhook;
        this.retry = retry;
        this.failed = Counter.builder("support.desk.warnings.failed")
                .description("SLA warnings the desk webhook did not take after every retry").register(registry);
        this.breachesFailed = Counter.builder("support.desk.breaches.failed")
                .description("SLA breaches (paging nobody) the desk webhook did not take after every retry")
                .register(registry);
    }

    @KafkaListener(id = "desk-warnings", containerFactory = "deliveryContainerFactory",
            groupId = "#{@internalTopics.applicationId()}-desk",
            topics = "#{T(no.biztek.support.schemas.topic.Topics).SLA_EVENTS.name()}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        if (properties.desk().webhook() == null) {
            return;
        }
        SlaEvent event;
        try {
            event = Topics.SLA_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return;
        }
        if (event == null) {
            return;
        }
        if (event.getPayload() instanceof SlaWarning warning
                && warning.getThresholdPercent() >= properties.desk().minThresholdPercent()) {
            post(event, "SLA warning", failed, body(event, warning, webhook.format(), zone));
        } else if (event.getPayload() instanceof SlaBreached
                && breachPaging.pagesNobody(event.getMetric(), event.getSeverity().name())) {
            post(event, "SLA breach", breachesFailed, DeskBreachMessage.body(event, webhook.format(), zone));
        }
    }

    private void post(SlaEvent event, String what, Counter failures, String body) {
        synchronized (posted) {
            if (!posted.add(event.getEventId())) {
                return;
            }
        }
        try {
            retry.execute(() -> {
                webhook.post(properties.desk().webhook(), body, event.getEventId());
                return null;
            });
        } catch (RetryException e) {
            log.warn("{} {} not taken by the desk webhook: {}", what, event.getEventId(),
                    String.valueOf(e.getLastException()));
            failures.increment();
        }
    }

    /** The desk's message: the ticket and customer escaped for the format ({@link ChannelText}). */
    static String body(SlaEvent event, SlaWarning warning, DeliveryProperties.Format format, ZoneId zone) {
        return WebhookChannel.json(Layouts.body(format,
                value -> new Notice(text(event, warning, zone, value), "", List.of(), List.of(), false),
                Layouts.map("type", "SlaWarning", "eventId", event.getEventId(), "ticketId", event.getTicketId(),
                        "customerId", event.getCustomerId(), "severity", event.getSeverity().name(),
                        "thresholdPercent", warning.getThresholdPercent(), "dueAt", event.getDueAt().toString())));
    }

    private static String text(SlaEvent event, SlaWarning warning, ZoneId zone, UnaryOperator<String> value) {
        return "SLA warning: ticket " + value.apply(event.getTicketId()) + " of customer "
                + value.apply(event.getCustomerId()) + " (" + event.getSeverity() + ") has used "
                + warning.getThresholdPercent() + " % of its " + event.getMetric() + " time; due "
                + DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").format(event.getDueAt().atZone(zone)) + ".";
    }
}
