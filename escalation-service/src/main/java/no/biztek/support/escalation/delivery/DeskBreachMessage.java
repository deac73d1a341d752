package no.biztek.support.escalation.delivery;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;

import no.biztek.support.schemas.sla.SlaEvent;

/**
 * The desk's message of an SLA breach that pages nobody (by default every resolution breach): the deadline that
 * passed, of which metric, ticket and customer, in the webhook's format; values escaped for it ({@link ChannelText}).
 */
final class DeskBreachMessage {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm");

    private DeskBreachMessage() {
    }

    static String body(SlaEvent event, DeliveryProperties.Format format, ZoneId zone) {
        return WebhookChannel.json(Layouts.body(format,
                value -> new Notice(text(event, zone, value), "", List.of(), List.of(), true),
                Layouts.map("type", "SlaBreached", "eventId", event.getEventId(), "ticketId", event.getTicketId(),
                        "customerId", event.getCustomerId(), "severity", event.getSeverity().name(),
                        "metric", event.getMetric(), "plan", event.getPlan(), "dueAt", event.getDueAt().toString())));
    }

    private static String text(SlaEvent event, ZoneId zone, UnaryOperator<String> value) {
        return "SLA breach: the " + value.apply(event.getMetric()) + " deadline of ticket "
                + value.apply(event.getTicketId()) + " of customer " + value.apply(event.getCustomerId())
                + " (severity " + event.getSeverity() + ") passed at " + AT.format(event.getDueAt().atZone(zone))
                + ".";
    }
}
