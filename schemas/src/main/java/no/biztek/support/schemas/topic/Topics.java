package no.biztek.support.schemas.topic;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.board.BoardLink;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.report.SlaReportEntry;
import no.biztek.support.schemas.serde.SingleObjectAvroSerde;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;

/** The catalogue of every topic of the platform (SPEC §4). */
public final class Topics {

    private static final int EVENT_PARTITIONS = 6;

    /** Ticket lifecycle, keyed by ticketId. Written only by intake-service. */
    public static final Topic<String, TicketEvent> TICKET_EVENTS = new Topic<>("support.ticket-events.v1",
            Serdes.String(), SingleObjectAvroSerde.forType(TicketEvent.class), CleanupPolicy.DELETE, EVENT_PARTITIONS);

    /** SLA clock events, keyed by ticketId. Written only by sla-timer-service. */
    public static final Topic<String, SlaEvent> SLA_EVENTS = new Topic<>("support.sla-events.v1",
            Serdes.String(), SingleObjectAvroSerde.forType(SlaEvent.class), CleanupPolicy.DELETE, EVENT_PARTITIONS);

    /** Pages and vendor escalations, keyed by ticketId. Written only by escalation-service. */
    public static final Topic<String, EscalationEvent> ESCALATION_EVENTS = new Topic<>("support.escalation-events.v1",
            Serdes.String(), SingleObjectAvroSerde.forType(EscalationEvent.class), CleanupPolicy.DELETE,
            EVENT_PARTITIONS);

    /** Billable time, keyed by customerId. Written only by escalation-service. */
    public static final Topic<String, BillingEvent> BILLING = new Topic<>("support.billing.v1",
            Serdes.String(), SingleObjectAvroSerde.forType(BillingEvent.class), CleanupPolicy.DELETE,
            EVENT_PARTITIONS);

    /** What customers were told, keyed by ticketId. Written only by notification-service. */
    public static final Topic<String, NotificationEvent> NOTIFICATION_EVENTS = new Topic<>(
            "support.notification-events.v1", Serdes.String(), SingleObjectAvroSerde.forType(NotificationEvent.class),
            CleanupPolicy.DELETE, EVENT_PARTITIONS);

    /** Customer directory and contract terms, keyed by customerId; compacted. Written by intake-service. */
    public static final Topic<String, Customer> CUSTOMERS = new Topic<>("support.customers.v1",
            Serdes.String(), SingleObjectAvroSerde.forType(Customer.class), CleanupPolicy.COMPACT, EVENT_PARTITIONS);

    /**
     * The on-call schedule as data (rotation, overrides, calendar feed generations, hand-over claims), one part per
     * key; compacted. One partition by default (a small topic; its readers rely only on the order within a key).
     * Written only by escalation-service.
     */
    public static final Topic<String, OnCallScheduleEntry> ONCALL_SCHEDULE = new Topic<>("support.oncall-schedule.v1",
            Serdes.String(), SingleObjectAvroSerde.forType(OnCallScheduleEntry.class), CleanupPolicy.COMPACT, 1);

    /**
     * The live SLA board's read-only kiosk links as issued and revoked, keyed by linkId; compacted, one partition (a
     * small topic). Written only by escalation-service.
     */
    public static final Topic<String, BoardLink> BOARD_LINKS = new Topic<>("support.board-links.v1",
            Serdes.String(), SingleObjectAvroSerde.forType(BoardLink.class), CleanupPolicy.COMPACT, 1);

    /**
     * The frozen monthly SLA reports, one snapshot per customer and month (key {@code <customerId>|<yyyy-MM>}) and
     * the claims of who writes it (key {@code claim|<customerId>|<yyyy-MM>}); compacted. One partition (a small
     * topic; its readers rely only on the order within a key). Written only by escalation-service.
     */
    public static final Topic<String, SlaReportEntry> SLA_REPORTS = new Topic<>("support.sla-reports.v1",
            Serdes.String(), SingleObjectAvroSerde.forType(SlaReportEntry.class), CleanupPolicy.COMPACT, 1);

    /** Upstream systems' ticket events as JSON (raw bytes), any key. Read by intake-service. */
    public static final Topic<String, byte[]> INBOUND = new Topic<>("support.inbound.v1",
            Serdes.String(), Serdes.ByteArray(), CleanupPolicy.DELETE, EVENT_PARTITIONS);

    private Topics() {
    }

    /** Every topic of the platform, for creating them. */
    public static List<Topic<?, ?>> all() {
        return List.of(TICKET_EVENTS, SLA_EVENTS, ESCALATION_EVENTS, BILLING, NOTIFICATION_EVENTS, CUSTOMERS, INBOUND,
                ONCALL_SCHEDULE, BOARD_LINKS, SLA_REPORTS);
    }

    /** Serde of dead-letter values: the original bytes, untouched. */
    public static Serde<byte[]> deadLetterValueSerde() {
        return Serdes.ByteArray();
    }
}
