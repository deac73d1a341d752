package no.biztek.support.intake.inbound;

/**
 * The {@code type} of an inbound JSON ticket event (docs/inbound-topic.md), with the field that carries its
 * event time (absent: the record's Kafka timestamp).
 */
enum InboundEventType {
    TICKET_OPENED("openedAt"),
    FIRST_RESPONSE("respondedAt"),
    SEVERITY_CHANGED("changedAt"),
    TICKET_RESOLVED("resolvedAt"),
    TICKET_REOPENED("reopenedAt"),
    TICKET_HELD("heldAt"),
    TICKET_RESUMED("resumedAt");

    private final String timeField;

    InboundEventType(String timeField) {
        this.timeField = timeField;
    }

    String timeField() {
        return timeField;
    }
}
