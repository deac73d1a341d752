package no.biztek.support.intake.inbound;

/** The {@code type} of an inbound JSON ticket event (docs/inbound-topic.md). */
enum InboundEventType {
    TICKET_OPENED,
    FIRST_RESPONSE,
    SEVERITY_CHANGED,
    TICKET_RESOLVED,
    TICKET_REOPENED
}
